using Bunit;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Tests.Fixtures;
using CharRnnLab.Web.Components.Corpora;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hosting;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Components.Corpora;

/// <summary>The Corpora page's build form over the real library: an uploaded tar.xz, a URL on 127.0.0.1, a truncated archive.</summary>
public sealed class CorpusBuildFormTests : LabComponentContext
{
    private readonly TempDirectory _data = new();
    private readonly LocalHttpServer _server = new();
    private readonly byte[] _tarXz = TestArchives.TarXz(KernelLikeTree.Files);
    private readonly List<string> _built = [];
    private LabCorpora _corpora = null!;
    private string BuiltText => Path.Combine(_data.Path, "corpora", "built", "kernel.txt");

    public override Task InitializeAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new LabOptions { DataDirectory = _data.Path });
        Services.AddSingleton(options);
        _corpora = new LabCorpora(options, new PlainHttpClients());
        Services.AddSingleton<ILabCorpora>(_corpora);
        _server.Map("/stacks.zip", r => ServerReply.File(TestArchives.Zip([("stacks/sets.tex", "\\section{Sets}\n"u8.ToArray())]), r));
        // Half of the archive, then silence: a build that waits on the network until it is cancelled.
        _server.Map("/stalled.tar.xz", _ => new ServerReply(200, _tarXz, SendBytes: _tarXz.Length / 2, Hang: true));
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    private IRenderedComponent<CorpusBuildForm> RenderForm(string include, string separator)
    {
        var form = Render<CorpusBuildForm>(p => p.Add(f => f.OnBuilt, id => _built.Add(id)));
        Field(form, "build-name").Change("kernel");
        Field(form, "build-include").Change(include);
        Field(form, "build-separator").Change(separator);
        return form;
    }

    [Fact]
    public void An_uploaded_tar_xz_is_built_with_the_globs_and_its_summary_shown()
    {
        var form = RenderForm("**/*.c, **/*.h !**/Documentation/**", KernelLikeTree.Separator);
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(_tarXz, "linux.tar.xz"));

        form.WaitForAssertion(() => Assert.Contains("Built 'kernel': 4 files", form.Find("[data-testid=build-summary]").TextContent));
        Assert.Contains("1 binary (linux/drivers/blob.c)", form.Find("[data-testid=build-summary]").TextContent);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(BuiltText));
        Assert.Equal(["kernel"], _built);
        Assert.Contains("Built from linux.tar.xz", _corpora.List().Single(c => c.Id == "kernel").Description);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_data.Path, "corpora", "built", ".uploads"))); // the upload's copy is gone
    }

    [Fact]
    public void An_archive_at_a_url_is_built_as_it_downloads()
    {
        var form = RenderForm("**/*.tex", "");
        Field(form, "build-url").Change(_server.Url("/stacks.zip").ToString());
        form.Find("[data-testid=build-from-url]").Click();

        form.WaitForAssertion(() => Assert.Contains("Built 'kernel': 1 files", form.Find("[data-testid=build-summary]").TextContent));
        Assert.Equal("\\section{Sets}\n", File.ReadAllText(BuiltText));
    }

    [Fact]
    public void A_truncated_archive_shows_the_error_and_leaves_no_corpus()
    {
        var form = RenderForm("**/*.c", KernelLikeTree.Separator);
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(_tarXz[..(_tarXz.Length / 2)], "linux.tar.xz"));

        form.WaitForAssertion(() => Assert.Contains("linux.tar.xz is truncated or damaged", form.Find("[data-testid=build-error]").TextContent));
        Assert.False(File.Exists(BuiltText));
        Assert.Empty(_built);
        Assert.DoesNotContain(_corpora.List(), c => c.Id == "kernel");
    }

    [Fact]
    public async Task Cancel_stops_a_build_that_waits_on_the_network_and_leaves_no_corpus()
    {
        var form = RenderForm("**/*.c", KernelLikeTree.Separator);
        Field(form, "build-url").Change(_server.Url("/stalled.tar.xz").ToString());
        form.Find("[data-testid=build-from-url]").Click();
        form.WaitForAssertion(() => Assert.NotEmpty(_server.Requests));

        // progress re-renders the form while the download waits: find and click in one dispatcher turn
        await form.InvokeAsync(() => form.Find("[data-testid=build-cancel]").Click());

        form.WaitForAssertion(() => Assert.Contains("Cancelled: no corpus 'kernel' was built", form.Find("[data-testid=build-cancelled]").TextContent));
        Assert.Empty(form.FindAll("[data-testid=build-error]"));
        Assert.Empty(form.FindAll("[data-testid=build-cancel]"));
        Assert.False(File.Exists(BuiltText));
        Assert.Empty(_built);
        string built = Path.GetDirectoryName(BuiltText)!;
        Assert.Empty(Directory.Exists(built) ? Directory.GetFiles(built, "*", SearchOption.AllDirectories) : []); // no spool or temporary file left
    }

    /// <summary>A MudTextField's input (the test id lands on the input or on the field around it).</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<CorpusBuildForm> form, string id) =>
        form.Find($"input[data-testid={id}], [data-testid={id}] input");

    private sealed class PlainHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new SocketsHttpHandler { UseProxy = false });
    }
}
