using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The last words language runtimes write when the program they run dies, behind whatever head journald, a container
/// log or the writer gave them: CPython's <c>Fatal Python error: ...</c>, V8's (Node's) out-of-memory abort, Nim's
/// unhandled exception and signal handler, the Dart VM's unhandled exception report, Crystal's segfault handler, Mono's
/// native crash report, Go's runtime throw and unrecovered panic, Deno's uncaught error, and the fatal-signal handler of programs that report their own crash (rTorrent's, qBittorrent's). The
/// backend or worker the runtime ran is gone (app_crash). None of these runtimes has a record kind of its own: the line
/// is read as the process's death notice, a supervisor record, as Passenger's and PM2's are. Each text is taken only as
/// words of their own near the line's start (a label, indentation or a sentence's opening words may come first).
/// </summary>
internal static class RuntimeCrashLines
{
    internal const string PythonFatal = "Fatal Python error: ";

    /// <summary>V8's fatal error (Node's <c>OnFatalError</c>: <c>FATAL ERROR: %s %s</c>).</summary>
    internal const string V8Fatal = "FATAL ERROR: ";

    /// <summary>What V8 says after its location when the heap cannot grow: <c>Allocation failed - JavaScript heap out of memory</c>.</summary>
    private const string V8AllocationFailed = " Allocation failed - ";

    /// <summary>
    /// Go's runtime on a panic nothing recovered (<c>panic: runtime error: invalid memory address or nil pointer
    /// dereference</c>, then the goroutines' stacks); the program exits with status 2.
    /// </summary>
    internal const string GoPanic = "panic: ";

    /// <summary>Deno's report of an error nothing caught, after which it exits: <c>error: Uncaught (in promise) BrokenPipe: ...</c>.</summary>
    internal const string DenoUncaught = "error: Uncaught ";

    /// <summary>Nim's report of an exception nothing caught: <c>Error: unhandled exception: MESSAGE [TYPE]</c>.</summary>
    internal const string NimUnhandled = "Error: unhandled exception: ";

    /// <summary>Nim's signal handler (<c>SIGSEGV: Illegal storage access. (Attempt to read from nil?)</c>, SIGBUS the same).</summary>
    internal const string NimIllegalStorage = ": Illegal storage access.";

    /// <summary>The Dart VM's report of an exception nothing caught, alone on its line before the exception.</summary>
    internal const string DartUnhandled = "Unhandled exception:";

    /// <summary>Crystal's segfault handler: <c>Invalid memory access (signal 11) at address 0x7ffd...</c>.</summary>
    internal const string CrystalInvalidAccess = "Invalid memory access (signal ";

    /// <summary>
    /// Mono's native crash report, whose first line names the signal (<c>Got a SIGSEGV while executing native code. This
    /// usually indicates</c>); Mono aborts after it (Sonarr, Radarr and other .NET Framework apps on Linux and macOS).
    /// </summary>
    internal const string MonoNativeCrash = " while executing native code";

    private const string MonoGotA = "Got a ";

    /// <summary>
    /// Go's runtime throwing (runtime.throw and fatal, which print <c>fatal error: MESSAGE</c> and exit with status 2):
    /// <c>fatal error: runtime: out of memory</c>, <c>fatal error: concurrent map writes</c>.
    /// </summary>
    internal const string GoFatal = "fatal error: ";

    /// <summary>
    /// How the runtime's own throws begin after <see cref="GoFatal"/>; a compiler's or another tool's "fatal error: FILE:
    /// ..." names no such words, so only these are taken.
    /// </summary>
    private static readonly string[] GoThrows =
        ["runtime: ", "concurrent map ", "all goroutines are asleep", "stack overflow", "unexpected signal during runtime execution", "out of memory"];

    /// <summary>A program's own fatal-signal handler before it aborts: rTorrent's <c>Caught Segmentation fault, dumping stack:</c>.</summary>
    internal const string DumpingStack = ", dumping stack:";

    private const string Caught = "Caught ";

    /// <summary>qBittorrent's crash handler: <c>Caught signal: SIGSEGV</c> (4.x; then its stack, then it dies).</summary>
    internal const string CaughtSignal = "Caught signal: ";

    /// <summary>The same handler in 3.3: <c>Catching signal: SIGSEGV</c>.</summary>
    internal const string CatchingSignal = "Catching signal: ";

    /// <summary>The same handler in 3.x: <c>Catching SIGSEGV, please report a bug at http://bug.qbittorrent.org</c>.</summary>
    internal const string CatchingSig = "Catching SIG";

    private const string PleaseReport = ", please report a bug";

    /// <summary>Longest signal description before <see cref="DumpingStack"/> ("Trace/breakpoint trap", "Floating point exception").</summary>
    private const int MaxSignalText = 32;

    /// <summary>The runtime's death notice in <paramref name="s"/>, read as a supervisor record of app_crash.</summary>
    internal static bool TryCrash(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = Start(s, PythonFatal);
        if (at < 0 && Start(s, V8Fatal) is >= 0 and var v8 && s[v8..].Contains(V8AllocationFailed, StringComparison.Ordinal))
        {
            at = v8;
        }

        if (at < 0 && Start(s, NimUnhandled) is >= 0 and var nim && EndsWithExceptionType(s[nim..]))
        {
            at = nim;
        }

        if (at < 0)
        {
            at = NimSignal(s);
        }

        if (at < 0 && Start(s, DartUnhandled) is >= 0 and var dart && s[(dart + DartUnhandled.Length)..].TrimEnd(" \t\"'`").IsEmpty)
        {
            at = dart;
        }

        if (at < 0 && Start(s, CrystalInvalidAccess) is >= 0 and var crystal && CrystalSignal(s[(crystal + CrystalInvalidAccess.Length)..]))
        {
            at = crystal;
        }

        if (at < 0 && Start(s, MonoGotA) is >= 0 and var mono && MonoSignal(s[(mono + MonoGotA.Length)..]))
        {
            at = mono;
        }

        if (at < 0 && Start(s, GoFatal) is >= 0 and var go && SpanSearch.StartsWithAny(s[(go + GoFatal.Length)..], GoThrows))
        {
            at = go;
        }

        if (at < 0 && Start(s, Caught) is >= 0 and var caught && SignalTextBeforeStack(s[(caught + Caught.Length)..]))
        {
            at = caught;
        }

        if (at < 0)
        {
            at = CrashHandler(s);
        }

        if (at < 0 && Start(s, DenoUncaught) is >= 0 and var deno && s.Length > deno + DenoUncaught.Length)
        {
            at = deno;
        }

        if (at < 0)
        {
            at = GoPanicAt(s);
        }

        if (at < 0)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppCrash;
        return true;
    }

    /// <summary>Where <paramref name="words"/> start as words of their own near the line's start, or -1.</summary>
    private static int Start(ReadOnlySpan<char> s, string words) => OwnWordsAt(s, s.IndexOf(words, StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="at"/> when words found there stand near the line's start and begin a word of their own, else -1. A
    /// string literal's escape ("\n" in <c>`${PROGRESS}\nFATAL ERROR: ...`</c>) ends the text before it as a line would.
    /// </summary>
    private static int OwnWordsAt(ReadOnlySpan<char> s, int at) =>
        at < 0 || at > 2 * CompanionLineParser.MaxCompanionPrefix || (at > 0 && char.IsLetterOrDigit(s[at - 1]) && !AfterEscape(s, at)) ? -1 : at;

    /// <summary>A backslash escape ("\n", "\r", "\t") ends right before <paramref name="at"/>.</summary>
    private static bool AfterEscape(ReadOnlySpan<char> s, int at) => at >= 2 && s[at - 2] == '\\' && s[at - 1] is 'n' or 'r' or 't';

    /// <summary>
    /// Where Go's panic line starts, or -1: "panic: " with a message, opening the line or behind a head with no letters, a
    /// container's or PM2's "NAME | " or journald's "NAME[PID]: ". A sentence about a panic ("kernel panic: ...") is not taken.
    /// </summary>
    private static int GoPanicAt(ReadOnlySpan<char> s)
    {
        var at = Start(s, GoPanic);
        if (at < 0 || s.Length <= at + GoPanic.Length || s[at + GoPanic.Length] == ' ')
        {
            return -1;
        }

        var head = s[..at];
        var wordless = !head.ContainsAnyInRange('a', 'z') && !head.ContainsAnyInRange('A', 'Z');
        return wordless || head.EndsWith("| ", StringComparison.Ordinal) || head.EndsWith("]: ", StringComparison.Ordinal) ? at : -1;
    }

    /// <summary>Nim's unhandled exception ends with the exception's type in brackets: <c>... [AssertionDefect]</c>.</summary>
    private static bool EndsWithExceptionType(ReadOnlySpan<char> s)
    {
        var end = s.TrimEnd(" \t\"'`");
        var open = end.LastIndexOf('[');
        if (open < 0 || end.Length < open + 4 || end[^1] != ']')
        {
            return false;
        }

        var type = end[(open + 1)..^1];
        return char.IsAsciiLetterUpper(type[0]) && !type.ContainsAnyExcept(IdentifierChars);
    }

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>Nim's signal handler: <c>SIGSEGV: Illegal storage access.</c> or <c>SIGBUS: ...</c>, from the signal's name on.</summary>
    private static int NimSignal(ReadOnlySpan<char> s)
    {
        var words = s.IndexOf(NimIllegalStorage, StringComparison.Ordinal);
        if (words < 3)
        {
            return -1;
        }

        var head = s[..words];
        return OwnWordsAt(s, head.EndsWith("SIGSEGV", StringComparison.Ordinal) ? words - 7 : head.EndsWith("SIGBUS", StringComparison.Ordinal) ? words - 6 : -1);
    }

    /// <summary>After Crystal's opening words: <c>11) at address 0x...</c>.</summary>
    private static bool CrystalSignal(ReadOnlySpan<char> rest)
    {
        var p = 0;
        return DecimalText.ReadNumber(rest, ref p) > 0 && rest[p..].StartsWith(") at address 0x", StringComparison.Ordinal);
    }

    /// <summary>After Mono's "Got a ": a signal's name (<c>SIGSEGV</c>, <c>SIGABRT</c>, <c>SIGILL</c>) and <see cref="MonoNativeCrash"/>.</summary>
    private static bool MonoSignal(ReadOnlySpan<char> rest)
    {
        var name = rest.IndexOf(' ');
        return name > 3 && rest.StartsWith("SIG", StringComparison.Ordinal) && !rest[3..name].ContainsAnyExceptInRange('A', 'Z')
            && rest[name..].StartsWith(MonoNativeCrash, StringComparison.Ordinal);
    }

    /// <summary>After "Caught ": a signal's description in words (<c>Segmentation fault</c>, <c>Bus error</c>) and <see cref="DumpingStack"/>.</summary>
    private static bool SignalTextBeforeStack(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOf(DumpingStack, StringComparison.Ordinal);
        return end > 0 && end <= MaxSignalText && char.IsAsciiLetterUpper(rest[0]) && !rest[..end].ContainsAnyExcept(SignalTextChars);
    }

    private static readonly System.Buffers.SearchValues<char> SignalTextChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz /");

    /// <summary>
    /// Where a program's own crash handler names the signal it caught, or -1: "Caught signal: SIGSEGV" or "Catching signal:
    /// SIGSEGV" alone, "Catching SIGSEGV, please report a bug ...". Only signals a program cannot go on after are taken;
    /// a handler's line for TERM or INT is its clean stop.
    /// </summary>
    private static int CrashHandler(ReadOnlySpan<char> s)
    {
        foreach (var words in (ReadOnlySpan<string>)[CaughtSignal, CatchingSignal])
        {
            if (Start(s, words) is >= 0 and var at)
            {
                var name = s[(at + words.Length)..].TrimEnd(" \t\"'`.");
                return IsCrashSignal(name) ? at : -1;
            }
        }

        if (Start(s, CatchingSig) is >= 0 and var old)
        {
            var rest = s[(old + CatchingSig.Length - 3)..];
            var comma = rest.IndexOf(PleaseReport, StringComparison.Ordinal);
            return comma > 0 && IsCrashSignal(rest[..comma]) ? old : -1;
        }

        return -1;
    }

    /// <summary>A signal's name that ends a program against its will: <c>SIGSEGV</c>, <c>SIGABRT</c>, <c>SIGBUS</c>, <c>SIGILL</c>, <c>SIGFPE</c>.</summary>
    private static bool IsCrashSignal(ReadOnlySpan<char> name) => name is "SIGSEGV" or "SIGABRT" or "SIGBUS" or "SIGILL" or "SIGFPE";
}
