using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Tests.Sampling;

public sealed class TemperatureGridTests
{
    [Fact]
    public void The_grid_is_every_slider_position_then_greedy()
    {
        var values = TemperatureGrid.Values;

        Assert.Equal(TemperatureGrid.Min, values[0]);
        Assert.Equal(TemperatureGrid.Max, values[^2]);
        Assert.Equal(0, values[^1]);
        Assert.Equal(values.Count, values.Select(TemperatureGrid.Key).Distinct().Count());
        Assert.All(values.Take(values.Count - 1).Zip(values.Skip(1).Take(values.Count - 2)),
            pair => Assert.Equal(TemperatureGrid.Step, pair.Second - pair.First, 9));
    }

    [Fact]
    public void Nearest_starts_at_the_temperature_and_alternates_outwards()
    {
        var nearest = TemperatureGrid.Nearest(1.0).Take(5).ToArray();

        Assert.Equal([1.0, 0.95, 1.05, 0.9, 1.1], nearest);
        Assert.Equal(TemperatureGrid.Values.Order(), TemperatureGrid.Nearest(0.62).Order());
    }

    [Fact]
    public void Keys_are_hundredths_so_a_rounded_slider_value_finds_its_grid_point()
    {
        Assert.Equal(TemperatureGrid.Key(0.15), TemperatureGrid.Key(Math.Round(0.1 + 0.05, 2)));
        Assert.NotEqual(TemperatureGrid.Key(0.15), TemperatureGrid.Key(0.2));
    }
}
