/**
 * An email address that wraps just after its @ before anywhere else.
 *
 * In running text and narrow boxes (`fit="box"`, the default) it may also
 * wrap anywhere (overflow-wrap: anywhere), so a long address never widens
 * its box or the page. In a table cell (`fit="column"`) it wraps only
 * where words allow (after the @, a hyphen) and otherwise keeps its pieces
 * whole (overflow-wrap: break-word leaves the column as wide as the longest
 * piece): the table then scrolls sideways in its own box rather than
 * showing an address broken in the middle of a name.
 */
export function EmailAddress({ address, fit = "box" }: { address: string; fit?: "box" | "column" }) {
  const at = address.lastIndexOf("@");
  return (
    <span className={fit === "box" ? "wrap-anywhere" : "wrap-break-word"}>
      {at > 0 ? (
        <>
          {address.slice(0, at + 1)}
          <wbr />
          {address.slice(at + 1)}
        </>
      ) : (
        address
      )}
    </span>
  );
}
