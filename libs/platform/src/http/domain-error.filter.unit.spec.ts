import 'reflect-metadata';
import { Controller, Get, HttpStatus, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { answer, domainErrorFilter } from './domain-error.filter';

class ShelfEmptyError extends Error {
  constructor(readonly shelf: string) {
    super(`shelf ${shelf} is empty`);
  }
}
class SpecificShelfEmptyError extends ShelfEmptyError {}
class UnmappedError extends Error {}

@Controller('shelves')
class ShelvesController {
  @Get(':failure')
  fail(@Param('failure') failure: string): never {
    if (failure === 'empty') throw new ShelfEmptyError('A1');
    if (failure === 'specific') throw new SpecificShelfEmptyError('B2');
    throw new UnmappedError('boom');
  }
}

@Module({
  controllers: [ShelvesController],
  providers: [
    domainErrorFilter([
      answer({
        error: ShelfEmptyError,
        status: HttpStatus.CONFLICT,
        details: (error) => ({ shelf: error.shelf }),
      }),
    ]),
  ],
})
class ShelvesModule {}

describe('domainErrorFilter', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ShelvesModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  async function get(path: string): Promise<{ status: number; body: unknown }> {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: path });
    return { status: response.statusCode, body: response.json() };
  }

  it("answers a listed error with its status, Nest's error shape and the details", async () => {
    expect(await get('/shelves/empty')).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'shelf A1 is empty', shelf: 'A1' },
    });
  });

  it('answers subclasses of a listed error the same way', async () => {
    expect((await get('/shelves/specific')).status).toBe(409);
  });

  it('leaves any other error to Nest, which answers 500 without its message', async () => {
    expect(await get('/shelves/other')).toEqual({
      status: 500,
      body: { statusCode: 500, message: 'Internal server error' },
    });
  });
});
