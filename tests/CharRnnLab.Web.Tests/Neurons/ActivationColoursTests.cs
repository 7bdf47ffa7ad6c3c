using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class ActivationColoursTests
{
    [Fact]
    public void The_scale_maps_minus_one_zero_and_plus_one_to_blue_white_and_red()
    {
        Assert.Equal("#3178c8", ActivationColours.Hex(-1)); // (49, 120, 200)
        Assert.Equal("#ffffff", ActivationColours.Hex(0));
        Assert.Equal("#d62828", ActivationColours.Hex(1));   // (214, 40, 40)
        Assert.Equal(ActivationColours.Hex(-1), ActivationColours.For(-1));
        Assert.Equal("#ffffff", ActivationColours.For(0));
        Assert.Equal(ActivationColours.Hex(1), ActivationColours.For(1));
    }

    [Fact]
    public void Values_between_blend_towards_white_and_out_of_range_values_are_clamped()
    {
        var half = ActivationColours.Hex(0.5); // halfway from white to (214, 40, 40)
        Assert.Equal("#eb9494", half);
        Assert.Equal(ActivationColours.Hex(1), ActivationColours.Hex(7));
        Assert.Equal(ActivationColours.Hex(-1), ActivationColours.Hex(-3));
        Assert.Equal("#ffffff", ActivationColours.Hex(double.NaN));
    }

    [Fact]
    public void The_palette_has_white_in_the_middle_and_the_ends_at_the_ends()
    {
        Assert.Equal(ActivationColours.Steps, ActivationColours.Palette.Count);
        Assert.Equal("#ffffff", ActivationColours.Palette[100]);
        Assert.Equal(ActivationColours.Hex(-1), ActivationColours.Palette[0]);
        Assert.Equal(ActivationColours.Hex(1), ActivationColours.Palette[^1]);
    }

    [Theory]
    [InlineData(ActivationKind.ForgetGate, 0.0, -1.0)]
    [InlineData(ActivationKind.ForgetGate, 0.5, 0.0)]
    [InlineData(ActivationKind.InputGate, 1.0, 1.0)]
    [InlineData(ActivationKind.TanhCell, -0.4, -0.4)]
    [InlineData(ActivationKind.Hidden, 0.7, 0.7)]
    [InlineData(ActivationKind.Cell, 3.0, 0.5)] // scale 6
    public void Each_kind_is_brought_onto_minus_one_to_one(ActivationKind kind, double value, double expected) =>
        Assert.Equal(expected, ActivationColours.Normalize(kind, value, scale: 6), 9);

    [Fact]
    public void Gates_read_closed_to_open_and_c_by_its_largest_magnitude_in_the_legend()
    {
        Assert.Equal(("0 closed", "0.5", "1 open"), ActivationColours.Legend(ActivationKind.ForgetGate));
        Assert.Equal(("−1", "0", "+1"), ActivationColours.Legend(ActivationKind.TanhCell));
        Assert.Equal(ColourMapping.Scaled, ActivationColours.MappingOf(ActivationKind.Cell));
        Assert.Equal(ColourMapping.Signed, ActivationColours.MappingOf(ActivationKind.CandidateGate));
    }
}
