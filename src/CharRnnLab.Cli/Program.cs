using CharRnnLab.Cli;

return await CharRnnCli.RunAsync(args, Console.Out, Console.Error);
