using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Profiles.Storage;

/// <summary>
/// One page of an owner's profiles, newest first. <paramref name="LastId"/> is where the next page
/// starts (the last id this page covered, even if that profile was deleted while the page was read),
/// or null when no profile follows.
/// </summary>
public sealed record OwnedProfilesPage(IReadOnlyList<Profile> Profiles, string? LastId);
