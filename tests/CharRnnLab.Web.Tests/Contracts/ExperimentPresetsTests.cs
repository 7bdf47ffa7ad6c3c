using System.Text.RegularExpressions;
using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Contracts;

public sealed class ExperimentPresetsTests
{
    public static TheoryData<string> Ids() => [.. ExperimentPresets.All.Select(e => e.Id)];

    private static ExperimentPreset Get(string id) => ExperimentPresets.All.Single(e => e.Id == id);

    [Fact]
    public void There_is_one_per_section_of_the_post_and_the_evolution()
    {
        Assert.Equal(["paul-graham", "shakespeare", "wikipedia", "latex", "linux", "baby-names", "war-and-peace"],
            ExperimentPresets.All.Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Both_settings_are_valid_requests_on_a_shipped_corpus_or_the_one_the_user_builds(string id)
    {
        var experiment = Get(id);
        foreach (var setup in new[] { experiment.ThePost, experiment.Here })
        {
            Assert.Empty(RunRequests.Read(RunRequests.From(setup.CorpusId, null, setup.Config)).Errors);
            bool shipped = CorpusCatalog.Default.Find(setup.CorpusId) is not null;
            Assert.True(shipped || (setup.CorpusId == ExperimentPresets.PaulGrahamCorpus && experiment.CorpusNote is not null),
                $"{id}: {setup.CorpusId} is neither in the catalogue nor explained");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_cpu_variant_takes_minutes_by_its_work_at_the_measured_rate(string id)
    {
        var experiment = Get(id);

        var time = experiment.HereTime;

        Assert.Equal(RunDuration.Flops(experiment.Here.Config, experiment.Vocabulary) / ExperimentPresets.MeasuredFlopsPerSecond, time.TotalSeconds, 6);
        Assert.InRange(time.TotalMinutes, 1, 15);
        Assert.True(ModelFlops.Training(experiment.ThePost.Config.Model, experiment.Vocabulary) >
                    4 * ModelFlops.Training(experiment.Here.Config.Model, experiment.Vocabulary), $"{id}: the post's model is not much bigger");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_command_line_flags_give_the_same_settings(string id)
    {
        foreach (var setup in new[] { Get(id).ThePost, Get(id).Here })
        {
            string[] tokens = setup.TrainFlags.Split(' ');
            var config = RunConfig.Default;
            for (int i = 0; i < tokens.Length; i += 2) config = RunSettings.Find(tokens[i][2..])!.Parse(config, tokens[i + 1]);

            Assert.Equal(setup.Config, config);
        }
    }

    [Fact]
    public void The_side_by_side_line_names_both_shapes_the_posts_time_and_the_derived_one()
    {
        var shakespeare = ExperimentPresets.Shakespeare;

        Assert.Equal($"the post: 3×512, dropout 0.5, a few hours on a GPU; here: 2×128, ~{ExperimentPreset.Duration(shakespeare.HereTime)}",
            shakespeare.SideBySide);
        Assert.Equal(("40 s", "12 min", "3.5 h"),
            (ExperimentPreset.Duration(TimeSpan.FromSeconds(40)), ExperimentPreset.Duration(TimeSpan.FromMinutes(12.2)), ExperimentPreset.Duration(TimeSpan.FromHours(3.46))));
    }

    [Fact]
    public void The_settings_are_other_presets_with_only_the_experiments_changes()
    {
        foreach (var experiment in ExperimentPresets.All)
        {
            Assert.Equal(RunPresets.NeuronHunt.Config.Model, experiment.Here.Config.Model);
            Assert.Equal(RunPresets.NeuronHunt.Config.Training.LearningRate, experiment.Here.Config.Training.LearningRate);
            Assert.Equal(RunPresets.Karpathy.Config.Training.Seq, experiment.ThePost.Config.Training.Seq);
            Assert.Equal(RunConfig.Default.Training.Optimizer, experiment.ThePost.Config.Training.Optimizer);
        }
    }

    [Fact]
    public void The_evolution_samples_where_the_catalogue_says_the_post_showed_its_samples()
    {
        string post = CorpusCatalog.Default.Get("war-and-peace").Post!;
        var shown = Regex.Match(post, @"iterations ([\d, ]+) and (\d+)").Groups.Values.Skip(1)
            .SelectMany(g => g.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(int.Parse).ToList();

        Assert.Equal(shown, ExperimentPresets.EvolutionSchedule.Iterations);
        foreach (var setup in new[] { ExperimentPresets.WarAndPeace.ThePost, ExperimentPresets.WarAndPeace.Here })
            Assert.Equal((ExperimentPresets.EvolutionSchedule, 0, shown[^1]),
                (setup.Config.Training.SampleAt, setup.Config.Training.SampleEvery, setup.Config.Training.Iterations));
        Assert.All(ExperimentPresets.All.Where(e => e != ExperimentPresets.WarAndPeace),
            e => Assert.True(e.Here.Config.Training.SampleAt.IsEmpty));
    }

    [Fact]
    public void The_linux_model_has_the_posts_ten_million_parameters()
    {
        long parameters = ParameterLayout.ParameterCount(ExperimentPresets.Linux.ThePost.Config.Model, ExperimentPresets.Linux.Vocabulary);

        Assert.InRange(parameters, 9_900_000, 10_100_000);
        Assert.Equal(3, ExperimentPresets.Linux.ThePost.Config.Model.Layers);
    }
}
