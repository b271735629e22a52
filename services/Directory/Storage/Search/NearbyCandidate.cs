namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// A listing that passed the exact geo filter: its text score, distance (-1 for none), where it lives
/// in the reader, and whether its home-visit area covers the centre.
/// </summary>
internal readonly record struct NearbyCandidate(float Score, double DistanceKm, int Segment, int Doc, bool VisitsYou);
