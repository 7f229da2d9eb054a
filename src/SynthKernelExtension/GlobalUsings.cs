// The notebook extension writes HTML for the commands' values and charts: StringBuilder throughout.
global using System.Text;
