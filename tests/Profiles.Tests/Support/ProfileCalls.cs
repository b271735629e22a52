using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using HealingNetwork.Profiles.V1;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>Every RPC that names an existing profile, each as a call a test can make as anyone.</summary>
public static class ProfileCalls
{
    public static IEnumerable<Func<CallOptions, Task>> OnProfile(ProfileService.ProfileServiceClient client, string id, string etag, string partnerId) =>
    [
        async o => await client.GetProfileAsync(new GetProfileRequest { Id = id }, o),
        async o => await client.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = id, Etag = etag, DisplayName = "Taken over" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, o),
        async o => await client.AddCarePartnerAsync(new AddCarePartnerRequest { ProfileId = id, Partner = InvalidPartners.Valid() }, o),
        async o => await client.UpdateCarePartnerAsync(new UpdateCarePartnerRequest
        {
            ProfileId = id,
            Partner = new CarePartner { Id = partnerId, Cadence = Cadence.Intensive },
        }, o),
        async o => await client.RemoveCarePartnerAsync(new RemoveCarePartnerRequest { ProfileId = id, PartnerId = partnerId }, o),
        async o => await client.ExportProfileAsync(new ExportProfileRequest { Id = id }, o),
        async o => await client.DeleteProfileAsync(new DeleteProfileRequest { Id = id }, o),
    ];
}
