using HealingNetwork.Directory.V1;

namespace HealingNetwork.Directory.Domain;

/// <summary>
/// What a modality implies for a synthetic practice: how it is usually licensed, the credential
/// letters it carries, how its practitioners tend to be oriented and how they tend to work.
/// Kept apart from the random draws so the correlations are written down in one place.
/// </summary>
internal static class SyntheticPracticeRules
{
    private static readonly HashSet<string> PrimaryCare =
        ["family-medicine", "internal-medicine", "pediatrics", "geriatric-medicine", "nurse-practitioner"];

    // Professions licensed by a state or province wherever the synthetic regions are.
    private static readonly Dictionary<string, string> LicensedCredentials = new(StringComparer.Ordinal)
    {
        ["naturopathy"] = "ND",
        ["chiropractic"] = "DC",
        ["osteopathic-medicine"] = "DO",
        ["homeopathy"] = "MD(H)",
        ["nurse-practitioner"] = "APRN, FNP-C",
        ["midwifery"] = "CNM",
        ["massage-therapy"] = "LMT",
        ["sports-massage"] = "LMT",
        ["lymphatic-drainage"] = "LMT, CLT",
        ["physical-therapy"] = "DPT",
        ["occupational-therapy"] = "OTR/L",
        ["tcm-acupuncture"] = "LAc",
        ["chinese-herbal-medicine"] = "LAc, Dipl. CH",
        ["dietetics"] = "RDN",
        ["clinical-psychology"] = "PsyD",
        ["psychotherapy"] = "LMHC",
        ["counselling"] = "LPC",
        ["marriage-family-therapy"] = "LMFT",
        ["clinical-social-work"] = "LCSW",
        ["psychoanalysis"] = "LP",
    };

    // Practices learned through lineage, community or apprenticeship rather than a licence.
    private static readonly HashSet<string> TraditionalPractices =
    [
        "curanderismo", "shamanic-practice", "native-american-traditional-healing", "african-traditional-healing",
        "rongoa-maori", "lomilomi", "tibetan-medicine", "siddha", "unani", "kampo",
    ];

    private static readonly Dictionary<string, string> CertifiedCredentials = new(StringComparer.Ordinal)
    {
        ["yoga-therapy"] = "C-IAYT",
        ["pilates"] = "NCPT",
        ["feldenkrais-method"] = "GCFP",
        ["alexander-technique"] = "AmSAT",
        ["dance-movement-therapy"] = "BC-DMT",
        ["art-therapy"] = "ATR-BC",
        ["music-therapy"] = "MT-BC",
        ["somatic-experiencing"] = "SEP",
        ["emdr"] = "EMDRIA Certified Therapist",
        ["hypnotherapy"] = "CHt",
        ["life-coaching"] = "ICF PCC",
        ["health-coaching"] = "NBC-HWC",
        ["reiki"] = "Reiki Master",
        ["healing-touch"] = "CHTP",
        ["polarity-therapy"] = "RPP",
        ["structural-integration"] = "Certified Rolfer",
        ["reflexology"] = "ARCB",
        ["western-herbalism"] = "RH (AHG)",
        ["holistic-nutrition"] = "BCHN",
        ["nutrition-counselling"] = "CNS",
        ["aromatherapy"] = "NAHA Certified Aromatherapist",
        ["ayurveda"] = "NAMA Ayurvedic Practitioner",
        ["anthroposophic-medicine"] = "Anthroposophic Medicine Certificate",
    };

    public static bool IsMedicalSpecialty(Modality m) =>
        m.Category == ModalityCategory.Physician && m.NuccCode.StartsWith("20", StringComparison.Ordinal) && !PrimaryCare.Contains(m.Code);

    public static bool IsPrimaryCare(Modality m) => PrimaryCare.Contains(m.Code);

    /// <summary>Medical doctors (MD/DO of any specialty) are addressed as "Dr." with MD or DO.</summary>
    public static bool IsMedicalDoctor(Modality m) => IsMedicalSpecialty(m) || m.Code is "family-medicine" or
        "internal-medicine" or "pediatrics" or "geriatric-medicine" or "integrative-medicine";

    public static LicensureKind KindOf(Modality m) =>
        IsMedicalDoctor(m) || LicensedCredentials.ContainsKey(m.Code) ? LicensureKind.StateLicensed
        : TraditionalPractices.Contains(m.Code) ? LicensureKind.Traditional
        : LicensureKind.Certified;

    /// <summary>Credential letters; null for medical doctors, whose MD or DO is drawn at random.</summary>
    public static string? CredentialOf(Modality m) =>
        LicensedCredentials.GetValueOrDefault(m.Code) ?? CertifiedCredentials.GetValueOrDefault(m.Code)
        ?? (IsMedicalDoctor(m) ? null : KindOf(m) == LicensureKind.Traditional ? "" : "Certified practitioner");

    /// <summary>Weights of nature-oriented, integrative and conventional, in that order.</summary>
    public static int[] OrientationWeights(Modality m) => m switch
    {
        _ when IsMedicalSpecialty(m) => [5, 30, 65],
        _ when IsPrimaryCare(m) => [10, 45, 45],
        { Code: "naturopathy" or "homeopathy" } => [70, 30, 0],
        { Category: ModalityCategory.Physician } => [35, 55, 10],
        { Code: "physical-therapy" or "occupational-therapy" or "exercise-physiology" or "dietetics" } => [10, 50, 40],
        { Code: "clinical-psychology" or "counselling" or "marriage-family-therapy" or "clinical-social-work"
            or "psychotherapy" or "psychoanalysis" or "emdr" } => [15, 50, 35],
        { Code: "western-herbalism" or "flower-essences" or "aromatherapy" } => [85, 15, 0],
        { Category: ModalityCategory.Energy or ModalityCategory.Traditional } => [80, 20, 0],
        _ => [55, 42, 3],
    };

    /// <summary>Lowest regular fee range before currency scaling, in cents of a dollar-like currency.</summary>
    public static (int Min, int Max) FeeRange(Modality m) => m.Category switch
    {
        _ when IsMedicalSpecialty(m) => (12000, 20000),
        ModalityCategory.Physician => (8000, 16000),
        ModalityCategory.Mind => (8000, 18000),
        ModalityCategory.Bodywork => (6000, 14000),
        ModalityCategory.NutritionHerbal => (6000, 15000),
        _ => (4000, 12000),
    };

    /// <summary>Share of practitioners of the modality who sell remedies or supplements.</summary>
    public static float SellsProductsChance(Modality m) => m switch
    {
        _ when IsMedicalSpecialty(m) => 0.05f,
        { Category: ModalityCategory.NutritionHerbal } => 0.6f,
        { Code: "naturopathy" or "homeopathy" } => 0.5f,
        { Category: ModalityCategory.Traditional } => 0.4f,
        { Category: ModalityCategory.Energy } => 0.25f,
        _ => 0.1f,
    };

    public static float TelehealthChance(Modality m) => m.Category switch
    {
        ModalityCategory.Mind => 0.75f,
        ModalityCategory.NutritionHerbal => 0.65f,
        ModalityCategory.Energy => 0.45f,
        ModalityCategory.Physician => 0.35f,
        ModalityCategory.Movement => 0.25f,
        ModalityCategory.Traditional => 0.2f,
        _ => 0.05f,
    };

    public static float HomeVisitChance(Modality m) => m switch
    {
        { Code: "midwifery" } => 0.8f,
        { Category: ModalityCategory.Bodywork } => 0.3f,
        { Category: ModalityCategory.Energy or ModalityCategory.Traditional } => 0.15f,
        _ => 0.05f,
    };

    public static float BarterChance(Modality m) => m.Category switch
    {
        _ when IsMedicalSpecialty(m) => 0.02f,
        ModalityCategory.Physician => 0.1f,
        ModalityCategory.Mind => 0.15f,
        ModalityCategory.Energy or ModalityCategory.Traditional => 0.45f,
        _ => 0.3f,
    };

    /// <summary>Sessions per week during the trial period, for the cost estimate.</summary>
    public static double SessionsPerWeek(Modality m) => m.Category switch
    {
        ModalityCategory.Mind or ModalityCategory.Bodywork or ModalityCategory.Movement or ModalityCategory.Energy => 1.0,
        _ => 0.5,
    };
}
