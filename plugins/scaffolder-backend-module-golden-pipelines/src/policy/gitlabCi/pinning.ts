import { AddViolation, Obj, isObj } from '../pipelineYaml';

function imageName(image: unknown): string | undefined {
  if (typeof image === 'string') return image;
  if (isObj(image) && typeof image.name === 'string') return image.name;
  return undefined;
}

/** A container image pinned by digest or by an explicit version tag (not `latest`). */
function imagePinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop()! : '';
  return /\d/.test(tag) && !/latest/.test(tag);
}

/** pinned-actions: one `include:` entry is a project file or component pinned by commit SHA. */
function checkIncludePinned(
  add: AddViolation,
  inc: unknown,
  where: string,
): void {
  if (
    typeof inc === 'string' ||
    (isObj(inc) && typeof inc.remote === 'string')
  ) {
    const target = typeof inc === 'string' ? inc : (inc.remote as string);
    if (/^https?:/.test(target)) {
      add(
        'pinned-actions',
        where,
        `remote include ${target} can change under the pipeline; include a project file pinned by commit (project + ref: <sha>)`,
      );
    }
  } else if (isObj(inc) && typeof inc.project === 'string') {
    if (typeof inc.ref !== 'string' || !/^[0-9a-f]{40}$/.test(inc.ref)) {
      add(
        'pinned-actions',
        `${where}.ref`,
        `include of ${inc.project} is not pinned by a full 40-character commit SHA (ref:)`,
      );
    }
  } else if (isObj(inc) && typeof inc.component === 'string') {
    if (!/@[0-9a-f]{40}$/.test(inc.component)) {
      add(
        'pinned-actions',
        `${where}.component`,
        `component ${inc.component} is not pinned by a full 40-character commit SHA`,
      );
    }
  }
}

/** pinned-actions: includes are pinned by commit. */
export function checkIncludesPinned(add: AddViolation, pipeline: Obj): void {
  const includes =
    pipeline.include === undefined ? [] : [pipeline.include].flat();
  includes.forEach((inc, i) => checkIncludePinned(add, inc, `include[${i}]`));
}

/** pinned-actions: the pipeline's, the default and every job's image are pinned by version. */
export function checkImagesPinned(
  add: AddViolation,
  pipeline: Obj,
  jobs: Record<string, Obj>,
): void {
  const images: Array<[string, string | undefined]> = [
    ['image', imageName(pipeline.image)],
    [
      'default.image',
      isObj(pipeline.default) ? imageName(pipeline.default.image) : undefined,
    ],
    ...Object.entries(jobs).map(
      ([id, j]) =>
        [`${id}.image`, imageName(j.image)] as [string, string | undefined],
    ),
  ];
  for (const [where, image] of images) {
    if (image && !imagePinned(image)) {
      add(
        'pinned-actions',
        where,
        `image ${image} is not pinned to a version; use an explicit version tag or a digest`,
      );
    }
  }
}
