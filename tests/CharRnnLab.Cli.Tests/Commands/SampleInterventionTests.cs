using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

/// <summary>`charrnn sample` with --clamp, --ablate and --scale: both continuations from one seed.</summary>
public class SampleInterventionTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task Json_holds_the_plain_sample_the_edited_one_and_a_kl_per_character()
    {
        string[] sample = ["sample", "--checkpoint", checkpoint.Run, "--length", "60", "--seed", "4", "--prime", "Ann said "];
        var plain = await CliRunner.Run(sample);
        var paired = await CliRunner.Run([.. sample, "--clamp", "2:c:1=5", "--clamp", "1:h:0=-1@3", "--scale", "2:h:2=0", "--json"]);

        Assert.Equal((0, ""), (paired.ExitCode, paired.Stderr));
        using var json = JsonDocument.Parse(paired.Stdout);
        var root = json.RootElement;
        Assert.Equal(plain.Stdout.TrimEnd('\n'), "Ann said " + root.GetProperty("unedited").GetString());
        Assert.Equal(60, root.GetProperty("edited").GetString()!.Length);
        Assert.Equal(60, root.GetProperty("kl").GetArrayLength());
        Assert.Equal(["clamp 2:c:1=5", "clamp 1:h:0=-1@3", "scale 2:h:2=0"],
            root.GetProperty("interventions").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.GetProperty("meanKl").GetDouble() > 0);
    }

    [Fact]
    public async Task Text_output_shows_both_continuations_and_where_they_part()
    {
        var result = await CliRunner.Run("sample", "--checkpoint", checkpoint.Run, "--length", "40", "--seed", "1", "--ablate", "1:c:2@5");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("── unedited ──", result.Stdout);
        Assert.Contains("── edited: ablate 1:c:2@5 ──", result.Stdout);
        Assert.Contains("KL(unedited ‖ edited) per character: mean", result.Stdout);
    }

    [Theory]
    [InlineData("--clamp", "1:c:16=1", "units 0 to 15; there is no unit 16")]
    [InlineData("--clamp", "3:h:0=1", "layers 1 to 2; there is no layer 3")]
    [InlineData("--clamp", "1:c:0", "--clamp: '1:c:0' is not L:KIND:UNIT=VALUE[@FROM]")]
    [InlineData("--scale", "1:q:0=2", "KIND must be c (LSTM cell state) or h")]
    public async Task A_bad_intervention_is_refused_with_what_to_write(string option, string value, string expected)
    {
        var result = await CliRunner.Run("sample", "--checkpoint", checkpoint.Run, "--length", "5", option, value);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
