import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'concord:public-route';

/** Marks a controller or route that answers without a key: health, and the published schemas. */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);
