namespace HealingNetwork.Matching.Storage;

/// <summary>
/// What the Directory's data was when an answer was made: the directory sequence (bumped by every
/// listing write) and the availability generation (bumped by every write of hours, exceptions or
/// bookings). A cached answer is current only while both are what they were.
/// </summary>
public readonly record struct CacheGeneration(long DirectorySequence, long Availability);
