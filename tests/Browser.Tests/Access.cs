namespace HealingNetwork.Browser.Tests;

/// <summary>Who may make a call, per the design's security rules.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not (directory reads, open slots, calendars).</summary>
    Public,
    /// <summary>Any signed-in user (creating one's own things, holding a slot).</summary>
    SignedIn,
    /// <summary>Only the owner of the listing, profile, hold or booking.</summary>
    Owner,
    /// <summary>Only an administrator (Auth:Admins).</summary>
    Admin,
}
