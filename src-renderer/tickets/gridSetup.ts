/**
 * ag-grid, community edition, with only the modules the ticket list uses. The
 * infinite row model pages from SQLite; nothing ever loads the whole table.
 */
import {
  CellStyleModule,
  CustomFilterModule,
  GridStateModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type Module,
} from 'ag-grid-community';

const modules: Module[] = [InfiniteRowModelModule, CustomFilterModule, GridStateModule, CellStyleModule, RowStyleModule, LocaleModule, TooltipModule, RowApiModule, RowSelectionModule, ScrollApiModule];
// The validation module explains misconfiguration in the console; it is only worth its size in development.
if (import.meta.env.DEV) modules.push(ValidationModule);
ModuleRegistry.registerModules(modules);

export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 6,
  // Narrow side padding: fourteen columns share a 1280-pixel screen (columns.ts).
  cellHorizontalPadding: 6,
  accentColor: '#0a6ebd',
  foregroundColor: '#1f2933',
  headerBackgroundColor: '#eef1f5',
  borderColor: '#d8dde4',
  wrapperBorderRadius: 4,
  browserColorScheme: 'light',
});
