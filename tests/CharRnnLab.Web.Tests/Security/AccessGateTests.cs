using System.Net;

namespace CharRnnLab.Web.Tests.Security;

/// <summary>The token is decided per request: on loopback none, but anything a proxy or tunnel relayed needs it.</summary>
public sealed class AccessGateTests(GuardedLabFixture fixture) : IClassFixture<GuardedLabFixture>
{
    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "lab.example.org")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task A_request_relayed_by_a_proxy_needs_the_token_on_loopback_too(string header, string value)
    {
        Assert.Equal(HttpStatusCode.OK, (await GuardedRequests.GetAsync(fixture.Lab, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GuardedRequests.GetAsync(fixture.Lab, "/", (header, value))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GuardedRequests.SendAsync(fixture.Lab, HttpMethod.Post,
            "/hubs/training/negotiate?negotiateVersion=1", (header, value))).StatusCode);
    }

    [Fact]
    public async Task A_relayed_request_with_the_token_is_let_through()
    {
        var response = await GuardedRequests.GetAsync(fixture.Lab, "/", ("X-Forwarded-For", "203.0.113.7"), ("Authorization", $"Bearer {fixture.Token}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_decision_is_not_remembered_from_one_request_to_the_next()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GuardedRequests.GetAsync(fixture.Lab, "/", ("X-Forwarded-For", "203.0.113.7"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GuardedRequests.GetAsync(fixture.Lab, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GuardedRequests.GetAsync(fixture.Lab, "/", ("X-Forwarded-For", "203.0.113.7"))).StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_HttpOnly_SameSite_Strict_and_Secure_behind_an_https_proxy()
    {
        var response = await GuardedRequests.GetAsync(fixture.Lab, $"/?token={fixture.Token}", ("X-Forwarded-Proto", "https"), ("Accept", "text/html"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("secure", cookie);
    }

    [Fact]
    public async Task The_cookie_is_not_Secure_on_plain_http()
    {
        var response = await GuardedRequests.GetAsync(fixture.Lab, $"/?token={fixture.Token}", ("X-Forwarded-For", "203.0.113.7"), ("Accept", "text/html"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.DoesNotContain("secure", cookie);
        Assert.Contains("httponly", cookie);
    }
}
