using FlyteSharp.Cli;

var console = CliConsole.ForProcess();
await using (console.Out.ConfigureAwait(false))
{
    return await FlyteSharpCli.RunAsync(args, console, CancellationToken.None).ConfigureAwait(false);
}
