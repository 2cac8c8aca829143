// The agent and its tests target Linux hosts only (/proc, unix sockets, statx).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
