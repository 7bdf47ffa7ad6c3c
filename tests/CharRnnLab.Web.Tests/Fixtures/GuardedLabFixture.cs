namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>One running lab on 127.0.0.1 (no token needed on loopback) that also answers to lab.example.org and *.lan.</summary>
public sealed class GuardedLabFixture : IAsyncLifetime
{
    public const string ExtraHosts = "lab.example.org;*.lan";

    public LabHost Lab { get; private set; } = null!;

    public string Token => Lab.Service<CharRnnLab.Web.Security.AccessGate>().Token;

    /// <summary>The lab's own origin, as its pages send it: http://127.0.0.1:PORT.</summary>
    public string OwnOrigin => Lab.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync() => Lab = await LabHost.StartAsync(settings: [("Lab:AllowedHosts", ExtraHosts)]);

    public async Task DisposeAsync() => await Lab.DisposeAsync();
}
