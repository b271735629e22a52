namespace HealingNetwork.Directory.Domain.Interop.Fhir;

/// <summary>Code systems and the base URL of the FHIR export.</summary>
public static class FhirSystems
{
    /// <summary>Base of the resources' full URLs; references inside a bundle are relative to it.</summary>
    public const string Base = "https://healing.network/fhir/";
    /// <summary>NUCC Health Care Provider Taxonomy (specialties).</summary>
    public const string Nucc = "http://nucc.org/provider-taxonomy";
    /// <summary>The directory's modality codes (ListModalities).</summary>
    public const string Modality = Base + "CodeSystem/modality";
    /// <summary>The directory's modality categories.</summary>
    public const string ModalityCategory = Base + "CodeSystem/modality-category";
    /// <summary>Languages as BCP 47 tags.</summary>
    public const string Bcp47 = "urn:ietf:bcp:47";
    /// <summary>Licence numbers, qualified by the issuing jurisdiction.</summary>
    public const string Licence = Base + "NamingSystem/licence/";
}
