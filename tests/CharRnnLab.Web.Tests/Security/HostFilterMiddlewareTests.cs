using System.Net;

namespace CharRnnLab.Web.Tests.Security;

/// <summary>DNS rebinding: a request for a name the lab does not know gets 400 before anything else runs.</summary>
public sealed class HostFilterMiddlewareTests(GuardedLabFixture fixture) : IClassFixture<GuardedLabFixture>
{
    [Theory]
    [InlineData("rebind.attacker.example")]
    [InlineData("lab.example.org.attacker.example")]
    [InlineData("lan")]
    public async Task An_unknown_host_name_gets_400_that_says_how_to_allow_it(string host)
    {
        var response = await GuardedRequests.GetAsync(fixture.Lab, "/", ("Host", $"{host}:{fixture.Lab.BaseAddress.Port}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"--Lab:AllowedHosts={host}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hub_call_under_an_unknown_host_name_gets_400_too() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await GuardedRequests.SendAsync(fixture.Lab, HttpMethod.Post,
            "/hubs/training/negotiate?negotiateVersion=1", ("Host", "rebind.attacker.example"))).StatusCode);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST.")]
    [InlineData("[::1]")]
    [InlineData("192.168.1.20")]
    [InlineData("lab.example.org")]
    [InlineData("printer.lan")]
    public async Task Loopback_names_IP_literals_and_configured_names_are_answered(string host) =>
        Assert.Equal(HttpStatusCode.OK, (await GuardedRequests.GetAsync(fixture.Lab, "/", ("Host", $"{host}:{fixture.Lab.BaseAddress.Port}"))).StatusCode);

    [Fact]
    public async Task Star_allows_every_host_name()
    {
        await using var lab = await LabHost.StartAsync(settings: [("Lab:AllowedHosts", "*")]);

        Assert.Equal(HttpStatusCode.OK, (await GuardedRequests.GetAsync(lab, "/", ("Host", "rebind.attacker.example"))).StatusCode);
    }
}
