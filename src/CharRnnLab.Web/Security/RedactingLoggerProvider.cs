using System.Collections;

namespace CharRnnLab.Web.Security;

/// <summary>
/// Wraps a logging provider so that whatever it writes has <see cref="TokenRedaction"/> applied:
/// the formatted message and every structured value (JSON console, EventSource read those).
/// ASP.NET logs request URLs with their query string at Information, so a raised log level would
/// otherwise print ?token=… and ?access_token=… to the console.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner, bool ownsInner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) =>
        (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose()
    {
        if (ownsInner) inner.Dispose();
    }

    /// <summary>Replaces every registered <see cref="ILoggerProvider"/> with a redacting wrapper. Call after the last provider is added.</summary>
    public static void WrapAll(IServiceCollection services)
    {
        var providers = services.Where(d => d.ServiceType == typeof(ILoggerProvider) && !d.IsKeyedService).ToList();
        foreach (var descriptor in providers)
        {
            services.Remove(descriptor);
            services.Add(ServiceDescriptor.Singleton<ILoggerProvider>(sp => Wrap(sp, descriptor)));
        }
    }

    private static RedactingLoggerProvider Wrap(IServiceProvider services, ServiceDescriptor descriptor)
    {
        if (descriptor.ImplementationInstance is ILoggerProvider instance) return new RedactingLoggerProvider(instance, ownsInner: false);
        var created = descriptor.ImplementationFactory is { } factory
            ? (ILoggerProvider)factory(services)
            : (ILoggerProvider)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
        return new RedactingLoggerProvider(created, ownsInner: true);
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, new RedactedState<TState>(state), exception,
                (redacted, error) => TokenRedaction.Redact(formatter(redacted.Original, error)));
    }

    /// <summary>The state's structured values, each string (or value whose text names a token) redacted.</summary>
    private sealed class RedactedState<TState>(TState original) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly IReadOnlyList<KeyValuePair<string, object?>> _values =
            original is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(Redacted).ToList() : [];

        public TState Original { get; } = original;

        public int Count => _values.Count;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string? ToString() => Original is null ? null : TokenRedaction.Redact(Original.ToString() ?? "");

        private static KeyValuePair<string, object?> Redacted(KeyValuePair<string, object?> pair) => pair.Value switch
        {
            string text => new(pair.Key, TokenRedaction.Redact(text)),
            null or IFormattable => pair, // numbers, dates, ids: no token inside
            var other when other.ToString() is { } text && TokenRedaction.MayContainToken(text) => new(pair.Key, TokenRedaction.Redact(text)),
            _ => pair,
        };
    }
}
