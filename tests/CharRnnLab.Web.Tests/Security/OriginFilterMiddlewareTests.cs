using System.Net;
using CharRnnLab.Web.Security;
using Microsoft.AspNetCore.Http;

namespace CharRnnLab.Web.Tests.Security;

/// <summary>Cross-site WebSocket hijacking and CSRF: another site's page may not drive the lab.</summary>
public sealed class OriginFilterMiddlewareTests(GuardedLabFixture fixture) : IClassFixture<GuardedLabFixture>
{
    private const string Evil = "https://evil.example";

    [Theory]
    [InlineData("/hubs/training")]
    [InlineData("/_blazor")]
    public async Task A_WebSocket_from_another_site_is_refused_with_403(string path) =>
        Assert.Equal(HttpStatusCode.Forbidden, await GuardedRequests.WebSocketStatusAsync(fixture.Lab, path, Evil));

    [Fact]
    public async Task A_WebSocket_from_the_labs_own_page_is_accepted() =>
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await GuardedRequests.WebSocketStatusAsync(fixture.Lab, "/hubs/training", fixture.OwnOrigin));

    [Theory]
    [InlineData("/hubs/training", Evil, HttpStatusCode.Forbidden)]
    [InlineData("/_blazor", Evil, HttpStatusCode.Forbidden)]
    [InlineData("/hubs/training", "null", HttpStatusCode.Forbidden)]
    [InlineData("/_blazor", "http://127.0.0.1:1", HttpStatusCode.Forbidden)]
    public async Task Negotiate_from_another_origin_is_refused(string endpoint, string origin, HttpStatusCode expected)
    {
        var response = await GuardedRequests.NegotiateAsync(fixture.Lab, endpoint, origin);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("only the lab's own pages", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/hubs/training")]
    [InlineData("/_blazor")]
    public async Task Negotiate_from_the_labs_own_origin_is_answered(string endpoint) =>
        Assert.Equal(HttpStatusCode.OK, (await GuardedRequests.NegotiateAsync(fixture.Lab, endpoint, fixture.OwnOrigin)).StatusCode);

    [Fact]
    public async Task A_post_from_another_site_is_refused_but_its_plain_page_loads_still_work()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await GuardedRequests.SendAsync(fixture.Lab, HttpMethod.Post, "/runs", ("Origin", Evil))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GuardedRequests.GetAsync(fixture.Lab, "/runs", ("Origin", Evil))).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1:5000", null, true)]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1:5001", null, false)]
    [InlineData("http://localhost:5000", "127.0.0.1:5000", null, false)]
    [InlineData("http://[::1]:5000", "[::1]:5000", null, true)]
    [InlineData("https://lab.example.org", "lab.example.org", null, true)]
    [InlineData("https://lab.example.org", "lab.example.org:443", null, true)]
    [InlineData("http://lab.example.org", "lab.example.org:443", null, false)]
    [InlineData("https://lab.example.org", "127.0.0.1:5000", "lab.example.org", true)]
    [InlineData("https://evil.example", "127.0.0.1:5000", "lab.example.org", false)]
    [InlineData("null", "127.0.0.1:5000", null, false)]
    [InlineData("file:///home/me/page.html", "127.0.0.1:5000", null, false)]
    public void Same_origin_means_same_host_and_port_as_the_request(string origin, string host, string? forwardedHost, bool same)
    {
        var request = new DefaultHttpContext().Request;
        request.Host = HostString.FromUriComponent(host);
        if (forwardedHost is not null) request.Headers["X-Forwarded-Host"] = forwardedHost;

        Assert.Equal(same, OriginFilterMiddleware.IsSameOrigin(origin, request));
    }
}
