// For component tests: jsdom has no HTMLDialogElement.showModal() or close(), which ModalDialog's
// owners call. These do what a browser does that the tests can see: `open` set or removed, and a
// "close" event.
export function installDialogMethods(): void {
  const proto = HTMLDialogElement.prototype;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  proto.close ??= function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}
