using System.Text;
using System.Text.Json;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Hubs;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Hosting;

/// <summary>The transport carries what the pages promise: a full text field at its worst encoding.</summary>
public sealed class MessageLimitsTests
{
    /// <summary>A control character: the costliest char in JSON (\u0001, 6 bytes).</summary>
    private static string Worst(int chars) => new('\u0001', chars);

    [Fact]
    public void A_full_text_field_at_its_worst_encoding_fits_one_message()
    {
        int encoded = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(Worst(MessageLimits.MaxFieldChars)));

        Assert.Equal(MessageLimits.MaxFieldChars * MessageLimits.WorstBytesPerChar + 2, encoded); // 6 bytes a char, and the quotes
        Assert.True(MessageLimits.MaxReceiveBytes - encoded >= 60 * 1024, "room left for the event descriptor and framing");
        Assert.True(MessageLimits.MaxFieldChars > NeuronTextRequest.MaxLength, "a paste over the limit still arrives, to be refused with its length");
    }

    [Fact]
    public async Task Both_SignalR_endpoints_are_set_to_the_limit()
    {
        await using var lab = await LabHost.StartAsync();
        var circuitHub = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var circuitOptions = lab.Services.GetService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(circuitHub)))!;

        var circuit = (HubOptions)circuitOptions.GetType().GetProperty("Value")!.GetValue(circuitOptions)!;
        Assert.Equal(MessageLimits.MaxReceiveBytes, circuit.MaximumReceiveMessageSize);
        // SignalR takes a hub's own setting, else the global one.
        Assert.Equal(MessageLimits.MaxReceiveBytes, lab.Service<IOptions<HubOptions<TrainingHub>>>().Value.MaximumReceiveMessageSize
            ?? lab.Service<IOptions<HubOptions>>().Value.MaximumReceiveMessageSize);
    }

    [Fact]
    public async Task A_text_at_the_paste_limit_and_over_it_reaches_the_hub_and_gets_its_answer()
    {
        await using var lab = await LabHost.StartAsync();
        await using var hub = await lab.ConnectAsync();

        foreach (int chars in new[] { NeuronTextRequest.MaxLength, NeuronTextRequest.MaxLength + 1, MessageLimits.MaxFieldChars })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("Sample", "no-such-run", 1.0, Worst(chars), 10, null));
            Assert.Contains($"The prime text is {chars}", refused.Message);
            Assert.Equal(HubConnectionState.Connected, hub.State);
        }
    }

    [Fact]
    public async Task A_message_over_the_transport_limit_closes_the_connection()
    {
        await using var lab = await LabHost.StartAsync();
        await using var hub = await lab.ConnectAsync();
        var closed = new TaskCompletionSource<Exception?>();
        hub.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };

        var oversized = new string('a', (int)MessageLimits.MaxReceiveBytes + 1);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<object>("Sample", "no-such-run", 1.0, oversized, 10, null));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }
}
