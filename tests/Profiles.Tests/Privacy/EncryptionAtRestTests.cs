using Google.Protobuf.WellKnownTypes;
using HealingNetwork.Profiles.Tests.Support;
using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;

namespace HealingNetwork.Profiles.Tests.Privacy;

/// <summary>
/// The store never holds personal free text in plaintext, nor the keys that would read it (they are
/// encrypted with a certificate kept outside the store), and the keys survive a restart.
/// </summary>
public sealed class EncryptionAtRestTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string KeyRing = "dataprotection:profiles:keys";

    [Fact]
    public async Task The_raw_store_holds_no_plaintext_story_name_or_partner()
    {
        var owner = Users.Fresh("alice");
        var created = await fixture.CreateAsync(owner, PrivateStory.Profile());
        var withPartner = await fixture.Profiles.AddCarePartnerAsync(
            new AddCarePartnerRequest { ProfileId = created.Id, Partner = PrivateStory.Partner() }, Tokens.As(owner));
        await fixture.Profiles.UpdateProfileAsync(new UpdateProfileRequest
        {
            Profile = new Profile { Id = created.Id, Etag = withPartner.Etag, Story = PrivateStory.Profile().Story + " Updated." },
            UpdateMask = new FieldMask { Paths = { "story" } },
        }, Tokens.As(owner));

        var store = await StoreScan.AllAsync();

        Assert.Contains(store, e => e.Key.Contains(created.Id, StringComparison.Ordinal));
        foreach (var word in PrivateStory.Words)
            Assert.DoesNotContain(store, e => e.Text.Contains(word, StringComparison.OrdinalIgnoreCase) || e.Key.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_key_ring_in_the_store_is_itself_encrypted_with_the_key_ring_certificate()
    {
        await fixture.CreateAsync(Users.Fresh("alice"), PrivateStory.Profile());

        var keys = await TestStore.Instance.Connection.GetDatabase().ListRangeAsync(KeyRing);

        Assert.NotEmpty(keys);
        foreach (var key in keys.Select(k => (string)k!))
        {
            Assert.Contains("EncryptedXmlDecryptor", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_system_reads_a_profile_written_by_the_previous_one()
    {
        var owner = Users.Fresh("alice");
        Profile written;
        await using (var before = new TestSystem())
        {
            written = await before.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = PrivateStory.Profile() }, Tokens.As(owner));
        }
        Assert.True(await TestStore.Instance.Connection.GetDatabase().KeyExistsAsync(KeyRing));

        await using var after = new TestSystem();
        var read = await after.Profiles.GetProfileAsync(new GetProfileRequest { Id = written.Id }, Tokens.As(owner));

        Assert.Equal(written, read);
        Assert.Equal(PrivateStory.Profile().Story, read.Story);
    }
}
