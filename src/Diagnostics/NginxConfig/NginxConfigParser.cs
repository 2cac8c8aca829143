using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>
/// Parses an nginx configuration into a directive tree with file:line, expanding <c>include</c> (globs too) through
/// the injected <see cref="ConfigFileAccess"/>. Relative include paths resolve against the directory of the main file
/// (nginx's conf prefix). Pure: all I/O goes through the delegates. Never throws on bad input; problems become errors.
/// </summary>
public static class NginxConfigParser
{
    /// <summary>Include nesting beyond this is treated as a loop.</summary>
    public const int MaxIncludeDepth = 16;

    /// <summary>Stops runaway globs on hosts with thousands of vhost files from exhausting the probe's budget.</summary>
    public const int MaxFiles = 5000;

    public static ParsedConfig Parse(string mainFile, ConfigFileAccess files)
    {
        var state = new ParseState(files, ConfPrefix(mainFile));
        var text = files.ReadFile(mainFile);
        if (text is null)
        {
            return new ParsedConfig { MainFile = mainFile, Directives = [], Errors = [$"{mainFile}: cannot read"] };
        }

        var directives = state.ParseFile(mainFile, text, depth: 0);
        return new ParsedConfig
        {
            MainFile = mainFile, Directives = directives, Files = state.Files, Errors = state.Errors,
        };
    }

    /// <summary>Parses literal text as if it were the file <paramref name="fileName"/>; includes are left unexpanded.</summary>
    public static ParsedConfig ParseText(string text, string fileName = "nginx.conf")
    {
        var state = new ParseState(new ConfigFileAccess(_ => null, _ => []), ConfPrefix(fileName)) { ExpandIncludes = false };
        var directives = state.ParseFile(fileName, text, depth: 0);
        return new ParsedConfig { MainFile = fileName, Directives = directives, Files = state.Files, Errors = state.Errors };
    }

    private static string ConfPrefix(string mainFile)
    {
        var slash = mainFile.LastIndexOf('/');
        return slash > 0 ? mainFile[..slash] : "/";
    }

    private sealed class ParseState(ConfigFileAccess access, string confPrefix)
    {
        public List<string> Files { get; } = [];
        public List<string> Errors { get; } = [];
        public bool ExpandIncludes { get; init; } = true;

        public List<ConfigDirective> ParseFile(string file, string text, int depth)
        {
            Files.Add(file);
            var tokens = NginxTokenizer.Tokenize(text);
            var index = 0;
            var result = ParseBlock(file, tokens, ref index, depth, topLevel: true);
            return result;
        }

        private List<ConfigDirective> ParseBlock(string file, IReadOnlyList<NginxToken> tokens, ref int i, int depth, bool topLevel)
        {
            var list = new List<ConfigDirective>();
            var words = new List<NginxToken>();
            while (i < tokens.Count)
            {
                var t = tokens[i++];
                switch (t.Kind)
                {
                    case NginxTokenKind.Word:
                        words.Add(t);
                        break;
                    case NginxTokenKind.Semicolon:
                        AddSimple(file, words, list, depth);
                        words.Clear();
                        break;
                    case NginxTokenKind.OpenBrace:
                        var children = ParseBlock(file, tokens, ref i, depth, topLevel: false);
                        if (words.Count == 0) { Errors.Add($"{file}:{t.Line}: block without a name"); }
                        else { list.Add(Make(file, words, children)); }
                        words.Clear();
                        break;
                    case NginxTokenKind.CloseBrace:
                        if (topLevel) { Errors.Add($"{file}:{t.Line}: unexpected \"}}\""); break; }
                        FlushDangling(file, words);
                        return list;
                }
            }

            FlushDangling(file, words);
            if (!topLevel) { Errors.Add($"{file}: unexpected end of file, expecting \"}}\""); }
            return list;
        }

        private void FlushDangling(string file, List<NginxToken> words)
        {
            if (words.Count > 0) { Errors.Add($"{file}:{words[0].Line}: directive \"{words[0].Text}\" is not terminated by \";\""); }
        }

        /// <summary>The words' texts from <paramref name="start"/> on (a loop: LINQ over the token struct is costly in the AOT agent).</summary>
        private static string[] Texts(List<NginxToken> words, int start)
        {
            var texts = new string[Math.Max(0, words.Count - start)];
            for (var i = 0; i < texts.Length; i++) { texts[i] = words[start + i].Text; }
            return texts;
        }

        private static ConfigDirective Make(string file, List<NginxToken> words, IReadOnlyList<ConfigDirective>? block) => new()
        {
            Name = words[0].Text,
            Args = Texts(words, 1),
            Location = new SourceLocation(file, words[0].Line),
            Block = block,
        };

        private void AddSimple(string file, List<NginxToken> words, List<ConfigDirective> list, int depth)
        {
            if (words.Count == 0) { return; }
            var directive = Make(file, words, null);
            if (directive.Name == "include" && ExpandIncludes && directive.Args.Count == 1)
            {
                list.AddRange(Include(directive, depth));
                return;
            }

            list.Add(directive);
        }

        private List<ConfigDirective> Include(ConfigDirective include, int depth)
        {
            var result = new List<ConfigDirective>();
            if (depth >= MaxIncludeDepth)
            {
                Errors.Add($"{include.Location}: include nesting deeper than {MaxIncludeDepth}");
                return result;
            }

            foreach (var path in ResolveInclude(include))
            {
                if (Files.Count >= MaxFiles) { Errors.Add($"{include.Location}: more than {MaxFiles} files, rest skipped"); break; }
                var text = access.ReadFile(path);
                if (text is null) { Errors.Add($"{include.Location}: cannot read \"{path}\""); continue; }
                result.AddRange(ParseFile(path, text, depth + 1));
            }

            return result;
        }

        private string[] ResolveInclude(ConfigDirective include)
        {
            var pattern = include.Args[0];
            var full = pattern.StartsWith('/') ? pattern : confPrefix.TrimEnd('/') + "/" + pattern;
            if (!GlobMatcher.HasWildcard(full)) { return [full]; }

            var slash = full.LastIndexOf('/');
            var dir = full[..Math.Max(slash, 1)];
            var namePattern = full[(slash + 1)..];
            if (GlobMatcher.HasWildcard(dir))
            {
                Errors.Add($"{include.Location}: wildcards in directories are not followed: \"{pattern}\"");
                return [];
            }

            // nginx sorts glob results (glob(3) order), which decides override order.
            return access.ListFiles(dir)
                .Where(p => GlobMatcher.IsMatch(p[(p.LastIndexOf('/') + 1)..], namePattern))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
    }
}
