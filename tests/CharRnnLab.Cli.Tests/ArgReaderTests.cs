namespace CharRnnLab.Cli.Tests;

public class ArgReaderTests
{
    [Fact]
    public void A_switch_before_a_positional_word_leaves_the_word_positional()
    {
        var args = new ArgReader(["fetch", "--force", "tiny-shakespeare"], ["force"]);

        Assert.True(args.Flag("force"));
        Assert.Equal(["fetch", "tiny-shakespeare"], args.Positional);
    }

    [Fact]
    public void An_option_that_is_not_a_switch_still_takes_the_next_word_as_its_value()
    {
        var args = new ArgReader(["--threshold", "-1.5", "--force", "name"], ["force"]);

        Assert.Equal(-1.5, args.Double("threshold"));
        Assert.Equal(["name"], args.Positional);
    }

    [Theory]
    [InlineData("--force=false", false)]
    [InlineData("--force=yes", true)]
    public void A_switch_takes_a_value_only_after_an_equals_sign(string word, bool expected)
    {
        var args = new ArgReader([word], ["force"]);

        Assert.Equal(expected, args.Flag("force"));
    }

    [Fact]
    public void Help_is_always_a_switch()
    {
        var args = new ArgReader(["--help", "list"]);

        Assert.True(args.Flag("help"));
        Assert.Equal(["list"], args.Positional);
    }

    [Fact]
    public void Reading_an_undeclared_switch_is_a_programming_error()
    {
        var args = new ArgReader(["--force"]);

        Assert.Throws<InvalidOperationException>(() => args.Flag("force"));
    }
}
