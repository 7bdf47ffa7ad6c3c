using System.CommandLine;
using System.Globalization;
using CharRnnLab.Cli.Options;

namespace CharRnnLab.Cli.Tests.Options;

public class ValueOptionsTests
{
    [Theory]
    [InlineData("5", null)]
    [InlineData("0", "--length must be between 1 and 10 (got 0)")]
    [InlineData("11", "--length must be between 1 and 10 (got 11)")]
    [InlineData("ten", "--length must be a whole number (got 'ten')")]
    [InlineData("2.5", "--length must be a whole number (got '2.5')")]
    public void A_whole_number_is_checked_against_its_bounds(string value, string? error)
    {
        var parse = OptionParsing.Parse(ValueOptions.Whole("--length", "symbols", 1, 10, 3), "--length", value);

        Assert.Equal(error, parse.Errors.SingleOrDefault()?.Message.TrimEnd('.'));
    }

    [Fact]
    public void A_whole_number_not_given_is_its_fallback_or_null()
    {
        Assert.Equal(3, OptionParsing.Parse(ValueOptions.Whole("--length", "symbols", 1, 10, 3)).GetValue<int>("--length"));
        Assert.Null(OptionParsing.Parse(ValueOptions.Whole("--seed", "seed")).GetValue<int?>("--seed"));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Numbers_read_the_same_in_every_culture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var parse = OptionParsing.Parse(ValueOptions.Number("--temperature", "t", 0, 100, 1), "--temperature", "0.5");

            Assert.Equal(0.5, parse.GetValue<double>("--temperature"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("Infinity")]
    public void A_number_must_be_finite(string value)
    {
        var parse = OptionParsing.Parse(ValueOptions.Number("--threshold", "t", double.MinValue, double.MaxValue, 0.5), "--threshold", value);

        Assert.Equal($"--threshold must be a number (got '{value}').", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void Exclusive_options_are_refused_together_and_a_default_does_not_count()
    {
        var argmax = ValueOptions.Switch("--argmax", "greedy");
        var temperature = ValueOptions.Number("--temperature", "t", 0, 100, 1.0);
        var command = new RootCommand { argmax, temperature };
        ValueOptions.Exclusive(command, argmax, temperature, "--argmax means temperature 0");

        Assert.Empty(command.Parse(["--argmax"]).Errors);
        Assert.Empty(command.Parse(["--temperature", "0.5"]).Errors);
        Assert.Equal("--argmax and --temperature cannot be combined (--argmax means temperature 0).",
            Assert.Single(command.Parse(["--argmax", "--temperature", "0.5"]).Errors).Message);
    }

    [Fact]
    public void A_required_word_missing_is_named()
    {
        var parse = OptionParsing.Parse(ValueOptions.Required("--corpus", "text", "FILE"));

        Assert.Contains("'--corpus'", Assert.Single(parse.Errors).Message);
    }
}
