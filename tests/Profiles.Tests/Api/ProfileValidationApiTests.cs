using HealingNetwork.Profiles.Storage;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Api;

/// <summary>Each invalid field is refused with INVALID_ARGUMENT and a BadRequest naming it, on create and on update.</summary>
public sealed class ProfileValidationApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Create_names_each_invalid_field(string @case)
    {
        var (profile, field) = InvalidProfiles.Make(@case);
        var owner = Users.Fresh("alice");

        await RpcAssert.InvalidField(field, async () =>
            await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile }, Tokens.As(owner)));
        Assert.False(await fixture.System.Store.Connection.GetDatabase().KeyExistsAsync(RedisProfileStore.OwnerKey(owner)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Update_names_each_invalid_field_and_changes_nothing(string @case)
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner);
        var (profile, field) = InvalidProfiles.Make(@case);
        profile.Id = created.Id;
        profile.Etag = created.Etag;

        await RpcAssert.InvalidField(field, async () =>
            await fixture.Profiles.UpdateProfileAsync(new UpdateProfileRequest { Profile = profile }, Tokens.As(owner)));
        Assert.Equal(created, await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Id = created.Id }, Tokens.As(owner)));
    }

    public static TheoryData<string> Cases => InvalidProfiles.Names;
}
