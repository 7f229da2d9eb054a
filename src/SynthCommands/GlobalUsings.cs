// Namespaces nearly every command and renderer uses; a file's own usings name what is particular to it.
global using System.CommandLine;
global using System.Globalization;
global using System.Text;
global using System.Text.Json.Nodes;
global using Microsoft.Data.Analysis;
global using SynthCore;
global using SynthCore.Data;
global using SynthCore.Synthesizers;
