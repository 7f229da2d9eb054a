// Every file of the console front end draws with Spectre.Console and serves the commands.
global using Spectre.Console;
global using SynthCommands;
