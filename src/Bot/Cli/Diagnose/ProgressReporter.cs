using System.Diagnostics;
using System.Globalization;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>Progress on stderr for large inputs on a terminal; silent otherwise. At most four updates a second.</summary>
public sealed class ProgressReporter
{
    private readonly long _total;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastTick;

    public ProgressReporter(long totalBytes, bool enabled)
    {
        _total = totalBytes;
        _enabled = enabled && totalBytes > 32L * 1024 * 1024;
    }

    public void Report(long bytes, long records)
    {
        if (!_enabled || _clock.ElapsedMilliseconds - _lastTick < 250)
        {
            return;
        }

        _lastTick = _clock.ElapsedMilliseconds;
        var percent = 100.0 * bytes / _total;
        var mbps = bytes / 1e6 / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        System.Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r  {percent,5:F1}%  {bytes / 1e6,8:F0} MB  {records,12:N0} records  {mbps,6:F0} MB/s"));
    }

    public void Done()
    {
        if (_enabled && _lastTick > 0)
        {
            System.Console.Error.Write("\r" + new string(' ', 72) + "\r");
        }
    }
}
