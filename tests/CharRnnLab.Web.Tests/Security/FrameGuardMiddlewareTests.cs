using System.Net;

namespace CharRnnLab.Web.Tests.Security;

public sealed class FrameGuardMiddlewareTests(GuardedLabFixture fixture) : IClassFixture<GuardedLabFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/runs")]
    [InlineData("/neurons")]
    public async Task Pages_forbid_being_framed_by_any_site(string path)
    {
        var response = await GuardedRequests.GetAsync(fixture.Lab, path, ("Accept", "text/html"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_refusal_and_a_download_forbid_framing_too()
    {
        var refused = await GuardedRequests.GetAsync(fixture.Lab, "/", ("X-Forwarded-For", "203.0.113.7"));
        var missing = await GuardedRequests.GetAsync(fixture.Lab, "/api/runs/nope/export.safetensors");

        foreach (var response in new[] { refused, missing })
        {
            Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }
}
