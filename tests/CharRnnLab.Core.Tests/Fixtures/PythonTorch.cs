using System.Diagnostics;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// A Python that imports torch, for the parity test: $CHARRNN_PYTHON, else Debian's /usr/bin/python3
/// (python3-torch installs there, not into a pyenv python3 on PATH), else python3 on PATH.
/// </summary>
internal static class PythonTorch
{
    public const string Missing =
        "No Python here imports torch, so the PyTorch parity test cannot run. Install Debian's python3-torch " +
        "(sudo apt-get install -y python3-torch; ./test.sh and CI do it), or set CHARRNN_PYTHON to a python with torch.";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The interpreter, or null when none imports torch.</summary>
    public static string? Interpreter => Found.Value;

    /// <summary>Whether this machine could install python3-torch: where it can, a missing torch is a failure, not a pass.</summary>
    public static bool AptAvailable => OnPath("apt-get") is not null;

    public static (int Code, string Output, string Errors) Run(string python, params string[] arguments)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("CHARRNN_PYTHON"), "/usr/bin/python3", OnPath("python3") }
            .Where(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            .FirstOrDefault(p => Run(p!, "-c", "import torch").Code == 0);

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
}
