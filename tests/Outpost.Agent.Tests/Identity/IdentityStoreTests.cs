using System.Security.Cryptography;
using Outpost.Agent.Identity;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Tests.Identity;

public sealed class IdentityStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();
    private readonly TestPki _pki = new("Test Fleet CA", Now);
    private readonly IdentityStore _store;
    private readonly (string Key, string Cert) _old;
    private readonly (string Key, string Cert) _new;

    public IdentityStoreTests()
    {
        _store = new IdentityStore(_data.Path);
        var oldPair = _pki.NewDevice("dev-1", Now, Now.AddDays(30));
        var newPair = _pki.NewDevice("dev-1", Now, Now.AddDays(60));
        _old = (oldPair.KeyPem, oldPair.CertificatePem);
        _new = (newPair.KeyPem, newPair.CertificatePem);
        _store.CommitPair(_old.Key, _old.Cert);
    }

    [Fact]
    public void CommitPair_Always_WritesKeyWithMode0600AndNoLeftovers()
    {
        _store.CommitPair(_new.Key, _new.Cert);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.KeyPath));
        Assert.Equal(_new.Key, File.ReadAllText(_store.KeyPath));
        Assert.Equal(_new.Cert, File.ReadAllText(_store.CertificatePath));
        Assert.Equal(["device.crt", "device.key"], Directory.GetFiles(_data.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void CommitPair_CertificateForAnotherKey_RefusesAndKeepsCurrentPair()
    {
        Assert.Throws<CryptographicException>(() => _store.CommitPair(_new.Key, _old.Cert));

        Assert.Equal(_old.Key, File.ReadAllText(_store.KeyPath));
        Assert.Equal(_old.Cert, File.ReadAllText(_store.CertificatePath));
    }

    [Fact]
    public void LoadClientCertificate_CrashBetweenKeyAndCertPromotion_FinishesTheNewPair()
    {
        // State after "device.key.next -> device.key" but before "device.crt.next -> device.crt".
        PrivateFile.Write(_store.KeyPath, _new.Key);
        PrivateFile.Write(_store.CertificatePath + ".next", _new.Cert);

        using var certificate = _store.LoadClientCertificate();

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(_new.Cert, File.ReadAllText(_store.CertificatePath));
        Assert.False(File.Exists(_store.CertificatePath + ".next"));
    }

    [Fact]
    public void LoadClientCertificate_CrashAfterBothPendingFilesWritten_RollsForward()
    {
        PrivateFile.Write(_store.KeyPath + ".next", _new.Key);
        PrivateFile.Write(_store.CertificatePath + ".next", _new.Cert);

        using var certificate = _store.LoadClientCertificate();

        Assert.Equal(_new.Key, File.ReadAllText(_store.KeyPath));
        Assert.Equal(_new.Cert, File.ReadAllText(_store.CertificatePath));
    }

    [Fact]
    public void LoadClientCertificate_CrashBeforeNewCertificateArrived_KeepsOldPairAndDropsPendingKey()
    {
        PrivateFile.Write(_store.KeyPath + ".next", _new.Key);

        using var certificate = _store.LoadClientCertificate();

        Assert.Equal(_old.Key, File.ReadAllText(_store.KeyPath));
        Assert.Equal(_old.Cert, File.ReadAllText(_store.CertificatePath));
        Assert.False(File.Exists(_store.KeyPath + ".next"));
    }

    [Fact]
    public void LoadClientCertificate_StalePendingCertificateForAnotherKey_IsDiscarded()
    {
        PrivateFile.Write(_store.CertificatePath + ".next", _new.Cert);

        using var certificate = _store.LoadClientCertificate();

        Assert.Equal(_old.Cert, File.ReadAllText(_store.CertificatePath));
        Assert.False(File.Exists(_store.CertificatePath + ".next"));
    }

    [Fact]
    public void ReadState_GarbledJson_ReturnsNull()
    {
        File.WriteAllText(_store.StatePath, "{ not json");

        Assert.Null(_store.ReadState());
    }

    [Fact]
    public void WriteState_Always_RoundTrips()
    {
        var state = new AgentState { ServerUrl = "https://s:8443", DeviceId = "dev-1", DeviceClass = "pi4", EnrolledAt = Now };

        _store.WriteState(state);

        Assert.Equal(state, _store.ReadState());
    }

    public void Dispose()
    {
        _pki.Dispose();
        _data.Dispose();
    }
}
