/** The npm `punycode` package by its file path (lib/email-address/idn.ts); its types are @types/punycode's. */
declare module "punycode/punycode.js" {
  import punycode from "punycode";
  export default punycode;
}
