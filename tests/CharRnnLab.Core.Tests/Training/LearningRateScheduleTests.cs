using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void Decays_at_each_multiple_of_every_from_after_on()
    {
        var schedule = new LearningRateSchedule(1.0, 0.5, Every: 10, After: 20);
        Assert.Equal(1.0, schedule.At(1));
        Assert.Equal(1.0, schedule.At(20));   // the decay at 20 completed iterations applies from iteration 21
        Assert.Equal(0.5, schedule.At(21));
        Assert.Equal(0.5, schedule.At(30));
        Assert.Equal(0.25, schedule.At(31));
    }

    [Fact]
    public void Defaults_follow_char_rnn_once_per_epoch_after_ten_epochs()
    {
        var schedule = LearningRateSchedule.For(new TrainingConfig { LearningRate = 2e-3, LearningRateDecay = 0.97 }, trainBatches: 100);
        Assert.Equal((100, 1000), (schedule.Every, schedule.After));
        Assert.Equal(2e-3, schedule.At(1000));
        Assert.Equal(2e-3 * 0.97, schedule.At(1001), 12);
    }

    [Fact]
    public void Decay_of_one_keeps_the_rate()
    {
        Assert.Equal(0.1, new LearningRateSchedule(0.1, 1.0, 1, 0).At(1000));
    }
}
