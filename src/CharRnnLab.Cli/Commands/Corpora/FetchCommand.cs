using System.CommandLine;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>
/// charrnn corpora fetch NAME: downloads a catalogue corpus with progress; an interrupted download
/// resumes when run again; the file is checked against a pinned SHA-256 or the one recorded at its
/// first download.
/// </summary>
internal sealed class FetchCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "a catalogue corpus: tiny-shakespeare, enwik8, … (see `corpora list`)" };
    private readonly Option<bool> _force = ValueOptions.Switch("--force", "download again even if the corpus is already there");
    private readonly Option<bool> _retrust = ValueOptions.Switch("--retrust", "forget the checksum recorded at the first download, trust this one");

    public FetchCommand(Func<ParseResult, CorpusLibrary> library)
        : base("fetch", "Download a catalogue corpus, resuming an interrupted download; checked against a pinned or first-seen SHA-256.")
    {
        Arguments.Add(_name);
        Options.Add(_force);
        Options.Add(_retrust);
        SetAction((parse, _) => FetchAsync(library(parse), parse.GetRequiredValue(_name), parse.GetValue(_force), parse.GetValue(_retrust),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    private static async Task<int> FetchAsync(CorpusLibrary library, string name, bool force, bool retrust, TextWriter stdout, TextWriter stderr)
    {
        using var http = CorpusHttp.Create();
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (retrust) library.Downloader(http).ForgetRecordedChecksum(name);
            var progress = new DownloadProgressLine(stderr);
            var result = await library.FetchAsync(name, http, progress, force, interrupt.Token);
            progress.Finish();
            Describe(result, stdout);
            return ExitCode.Ok;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            stderr.WriteLine($"\ninterrupted: the partial download of {name} is kept; run the same command again to resume it.");
            return ExitCode.Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void Describe(DownloadResult result, TextWriter stdout)
    {
        if (result.AlreadyPresent)
        {
            stdout.WriteLine($"{result.Name} is already downloaded: {result.Path} ({result.SizeBytes:N0} bytes; --force downloads it again)");
            return;
        }
        stdout.WriteLine($"fetched {result.Name}{(result.Resumed ? " (resumed)" : "")}: {result.SizeBytes:N0} bytes -> {result.Path}");
        stdout.WriteLine("checksum: " + result.Check switch
        {
            ChecksumCheck.Pinned => $"pinned SHA-256 verified ({result.Sha256})",
            ChecksumCheck.TrustOnFirstUseRecorded => $"trust on first use, SHA-256 recorded ({result.Sha256}); later downloads must match it",
            _ => $"trust on first use, verified: SHA-256 matches the first download ({result.Sha256})",
        });
    }
}
