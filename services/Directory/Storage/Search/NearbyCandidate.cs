namespace HealingNetwork.Directory.Storage.Search;

/// <summary>A listing that passed the exact geo filter: its text score, distance (-1 for none) and where it lives in the reader.</summary>
internal readonly record struct NearbyCandidate(float Score, double DistanceKm, int Segment, int Doc);
