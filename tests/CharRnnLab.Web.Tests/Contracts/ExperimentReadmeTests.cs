using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Contracts;

/// <summary>README's "The post's six experiments" says what the presets do: the same commands, corpora and sizes.</summary>
public sealed class ExperimentReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    public static TheoryData<string> Ids() => [.. ExperimentPresets.All.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void It_shows_both_settings_of_each_experiment_as_the_presets_command_lines(string id)
    {
        var experiment = ExperimentPresets.All.Single(e => e.Id == id);

        foreach (var setup in new[] { experiment.Here, experiment.ThePost })
            Assert.Contains(setup.TrainCommand(experiment.RunDirectory(setup)), Readme);
    }

    [Fact]
    public void It_names_every_corpus_the_presets_train_on_and_the_rate_their_times_come_from()
    {
        foreach (var corpus in ExperimentPresets.All.SelectMany(e => new[] { e.Here.CorpusId, e.ThePost.CorpusId }).Distinct())
        {
            Assert.Contains($"`{corpus}`", Readme);
            if (CorpusCatalog.Default.Find(corpus) is { } entry) Assert.Contains(entry.Licence, Readme);
        }
        Assert.Contains(ExperimentPresets.MeasuredHow, Readme);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CharRnnLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No CharRnnLab.sln above {AppContext.BaseDirectory}: README.md cannot be read.");
    }
}
