using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;
using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Tests.Storage;

/// <summary>A database written by the first lab (settings as a StartRunRequest) opens, lists and resumes its runs.</summary>
public sealed class RunStoreSchemaTests : IDisposable
{
    private readonly string _data = LabHost.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>What the legacy row's settings meant: LabHost.TinyRun(30), the rest Core's defaults (which that lab trained with).</summary>
    private static RunConfig Expected => RunConfig.Default with
    {
        Model = new ModelConfig(CellType.Lstm, 1, 16),
        Training = RunConfig.Default.Training with
        {
            Batch = 4, Seq = 16, LearningRate = 0.005, Iterations = 30, EvalEvery = 5, SampleEvery = 5, SampleLength = 40, CheckpointEvery = 10,
        },
    };

    [Fact]
    public async Task A_first_lab_database_is_migrated_listed_with_its_settings_and_its_run_resumes()
    {
        LegacyLabDatabase.Create(_data);
        await using var lab = await LabHost.StartAsync(_data);
        var runs = lab.Service<RunManager>();

        var run = Assert.Single(runs.List());
        Assert.Equal((LegacyLabDatabase.RunId, "legacy run", "upload-tiny", RunState.Interrupted), (run.Id, run.Name, run.CorpusId, run.State));
        Assert.Equal(Expected, run.Config);
        var history = await runs.GetHistoryAsync(run.Id);
        Assert.Equal(2, history.Progress.Count);
        Assert.Equal(2.95, history.BestValidationLoss); // its metrics rows became buckets of one point
        Assert.Equal(RunStoreSchema.Version, RunStoreSchemaVersion());
        Assert.DoesNotContain("settings", Columns("runs"));
        Assert.Contains("points", Columns("metrics"));

        Assert.Equal("upload-tiny", await lab.AddCorpusAsync());
        await CliStyleCheckpoint.TrainIntoAsync(lab, "upload-tiny", runs.RunDirectory(run.Id), run.Config, stopAtFirstCheckpoint: true);
        await runs.ResumeAsync(run.Id);
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Completed, "the resumed legacy run to complete", seconds: 90);
        Assert.Equal(30, CheckpointFile.ReadMetadata(runs.RunDirectory(run.Id)).Iteration);
    }

    [Fact]
    public async Task A_migrated_database_opens_again_unchanged()
    {
        LegacyLabDatabase.Create(_data);
        await (await LabHost.StartAsync(_data)).DisposeAsync();

        await using var lab = await LabHost.StartAsync(_data);

        Assert.Equal(Expected, Assert.Single(lab.Service<RunManager>().List()).Config);
    }

    private int RunStoreSchemaVersion()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private List<string> Columns(string table)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "lab.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}
