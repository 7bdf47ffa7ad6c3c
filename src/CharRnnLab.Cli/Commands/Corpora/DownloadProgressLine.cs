using CharRnnLab.Cli.Reporting;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>
/// Download progress on stderr: one line rewritten in place on a terminal, otherwise a line
/// every few seconds. Reports arrive on the downloading thread and are written at once.
/// </summary>
internal sealed class DownloadProgressLine(TextWriter stderr) : IProgress<DownloadProgress>
{
    private readonly bool _inPlace = Terminal.IsInteractive(stderr);
    private DateTime _lastLine = DateTime.MinValue;
    private DownloadProgress? _unwritten;

    public void Report(DownloadProgress value)
    {
        if (_inPlace) { stderr.Write($"\r{value,-79}"); _unwritten = value; return; }
        _unwritten = value;
        if (DateTime.UtcNow - _lastLine < TimeSpan.FromSeconds(3)) return;
        _lastLine = DateTime.UtcNow;
        stderr.WriteLine(value);
        _unwritten = null;
    }

    /// <summary>Ends the in-place line, or writes the final state if it was not written yet.</summary>
    public void Finish()
    {
        if (_inPlace) { if (_unwritten is not null) stderr.WriteLine(); }
        else if (_unwritten is not null) stderr.WriteLine(_unwritten);
    }
}
