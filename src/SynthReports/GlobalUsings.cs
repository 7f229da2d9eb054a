// The report pages and chart builders write text: StringBuilder and invariant formatting throughout.
global using System.Globalization;
global using System.Text;
