namespace HealingNetwork.Directory.Domain.Interop.Hsds;

/// <summary>
/// HSDS 3.0 <c>cost_option</c>: one fee in major units of <c>currency</c>. The directory writes
/// <c>option</c> as one of <see cref="HsdsVocabulary"/>'s fee options.
/// </summary>
public sealed class HsdsCostOption
{
    public string? Id { get; set; }
    public string? ServiceId { get; set; }
    public string? Option { get; set; }
    public string? Currency { get; set; }
    public decimal? Amount { get; set; }
    public string? AmountDescription { get; set; }
}
