using FlyteSharp.Cli;

return await FlyteSharpCli.RunAsync(args, CliConsole.System, CancellationToken.None).ConfigureAwait(false);
