using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Hosting;

/// <summary>Checks <see cref="LabOptions"/> at start-up so a bad setting stops the server with a clear message.</summary>
public sealed class LabOptionsValidator : IValidateOptions<LabOptions>
{
    public ValidateOptionsResult Validate(string? name, LabOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentRuns is < 1 or > 16)
            failures.Add($"Lab:MaxConcurrentRuns must be between 1 and 16 (got {options.MaxConcurrentRuns}).");
        if (options.TrainingThreads is < 0 or > 1024)
            failures.Add($"Lab:TrainingThreads must be 0 (automatic) or a positive thread count (got {options.TrainingThreads}).");
        if (options.MaxTrainingMemoryMb < 0)
            failures.Add($"Lab:MaxTrainingMemoryMb must be 0 (half the memory) or a positive number of MB (got {options.MaxTrainingMemoryMb}).");
        if (options.MaxUploadBytes < 1024)
            failures.Add($"Lab:MaxUploadBytes must be at least 1024 bytes (got {options.MaxUploadBytes}).");
        if (options.UpdatesPerSecond is < 1 or > 10)
            failures.Add($"Lab:UpdatesPerSecond must be between 1 and 10 (got {options.UpdatesPerSecond}).");
        if (options.MaxChartPoints is < 100 or > 100_000)
            failures.Add($"Lab:MaxChartPoints must be between 100 and 100000 (got {options.MaxChartPoints}).");
        if (options.NgramAutoBuildBytes < 0)
            failures.Add($"Lab:NgramAutoBuildBytes must be 0 (always ask) or a size in bytes (got {options.NgramAutoBuildBytes}).");
        if (options.AccessToken.Length is > 0 and < 16)
            failures.Add("Lab:AccessToken must be at least 16 characters; leave it empty to get a random one.");
        var dataProblem = CheckDataDirectory(options.DataDirectory);
        if (dataProblem is not null) failures.Add(dataProblem);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? CheckDataDirectory(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
            return "Lab:DataDirectory is empty; set it or the CHARRNN_DATA environment variable.";
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"Lab:DataDirectory '{directory}' is not a writable folder ({ex.Message}). " +
                   "Point it (or CHARRNN_DATA) at a folder you can write to.";
        }
    }
}
