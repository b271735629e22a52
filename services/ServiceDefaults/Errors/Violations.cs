namespace HealingNetwork.ServiceDefaults.Errors;

/// <summary>
/// Collects field violations while a request is checked, so the client hears about every
/// bad field at once rather than one per round trip.
/// </summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;
    public IReadOnlyList<FieldViolation> Items => _items;

    public void Add(string field, string description) => _items.Add(new FieldViolation(field, description));

    /// <summary>Adds a violation when <paramref name="ok"/> is false.</summary>
    public void Require(bool ok, string field, string description)
    {
        if (!ok) Add(field, description);
    }

    public void ThrowIfAny()
    {
        if (_items.Count > 0) throw new ValidationException(_items.ToArray());
    }
}
