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
    /// <summary>Da Vinci PDex Plan-Net's extension saying whether a role takes new patients (on PractitionerRole).</summary>
    public const string PlanNetNewPatients = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients";
    /// <summary>Plan-Net's codes for that extension's <c>acceptingPatients</c>: <c>newpt</c> (accepting), <c>nopt</c> (not accepting).</summary>
    public const string PlanNetAcceptingPatients = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS";
}
