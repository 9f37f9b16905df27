'use client';

import { useEffect, useRef } from 'react';
import { mailFrameDocument } from '../../lib/mail-frame';
import { useHydrated } from '../use-hydrated';

/** How long the page waits for the body's images before it prints anyway (ms). */
const IMAGES_WAIT_MS = 3_000;

/**
 * The body of a message on the print page, then the browser's print dialog; the tab
 * closes once printing is done. HTML goes into the reading pane's frame document, in a
 * frame sandboxed without scripts — allow-same-origin only so this page can measure it and
 * let it grow to its full height (a frame prints just the part in view). Plain text is a
 * <pre>.
 */
export function PrintFrame(props: { title: string; html: string | null; text: string | null }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { html } = props;
  // the frame document names this origin (cid: images), known in the browser only
  const hydrated = useHydrated();

  useEffect(() => {
    const close = () => window.close();
    window.addEventListener('afterprint', close);
    return () => window.removeEventListener('afterprint', close);
  }, []);

  useEffect(() => {
    if (html === null) window.print();
  }, [html]);

  const printWhenLoaded = async () => {
    const inner = frame.current?.contentDocument;
    if (!frame.current || !inner) return;
    const images = [...inner.images].filter((image) => !image.complete);
    await Promise.race([
      Promise.all(
        images.map((image) => new Promise((done) => image.addEventListener('load', done))),
      ),
      new Promise((done) => setTimeout(done, IMAGES_WAIT_MS)),
    ]);
    frame.current.style.height = `${inner.documentElement.scrollHeight}px`;
    window.print();
  };

  if (html === null) return <pre className="print-text">{props.text ?? ''}</pre>;
  if (!hydrated) return null;
  return (
    <iframe
      ref={frame}
      className="print-frame"
      title={props.title}
      sandbox="allow-same-origin"
      srcDoc={mailFrameDocument({
        html,
        appOrigin: window.location.origin,
        allowRemoteImages: false,
      })}
      onLoad={() => void printWhenLoaded()}
    />
  );
}
