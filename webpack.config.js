/* The add-in's task pane and ribbon commands, and the same pane as a standalone page: `npm run build` → dist/. */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (_env, argv) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  devtool: 'source-map',
  entry: { taskpane: './src/taskpane/index.tsx', commands: './src/ribbon/commands.ts' },
  output: { path: path.resolve(__dirname, 'dist', 'web'), filename: '[name].js', clean: true },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.json'],
    // ExcelJS's browser build carries its own stream and buffer shims.
    alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
  },
  module: { rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, compilerOptions: { module: 'es2020', moduleResolution: 'bundler', sourceMap: true } } }] },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
    new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/ribbon/commands.html', chunks: ['commands'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets', to: 'assets' },
        { from: 'manifest.xml', to: 'manifest.xml' },
        { from: 'samples/cambridgeshire-cases.csv', to: 'sample/cambridgeshire-cases.csv' },
      ],
    }),
  ],
  devServer: {
    port: 3000,
    host: 'localhost',
    // A self-signed certificate made by the dev server itself: Office requires https, and this needs no sudo.
    server: 'https',
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    client: { overlay: false },
  },
});
